package io.nopesight.analytics.agent;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.analytics.agent.JdbcAgentDecisionRepository.Decision;
import io.nopesight.analytics.agent.JdbcAgentDecisionRepository.Stats;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;

/**
 * The agents: each answer is recorded as a decision with its predictions (in one transaction, after the
 * answer, so that forecasting holds no connection); listing checks the predictions that have come due first.
 */
@Service
class DefaultAgents implements Agents {

	static final int MAX_QUERY = 2_000;

	private final List<Advisor> advisors;

	private final JdbcAgentDecisionRepository decisions;

	private final PredictionChecks checks;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DefaultAgents(InfrastructureOptimizer optimizer, EventAnalyst analyst, JdbcAgentDecisionRepository decisions,
			PredictionChecks checks, TransactionTemplate transactions, Clock clock) {
		this.advisors = List.of(optimizer, analyst);
		this.decisions = decisions;
		this.checks = checks;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public List<Agent> list() {
		this.checks.checkDue();
		Map<String, Stats> stats = this.decisions.stats();
		return this.advisors.stream().map((advisor) -> agent(advisor, stats.get(advisor.id()))).toList();
	}

	@Override
	public AgentAnswer query(String agentId, AgentQuestion question) {
		Advisor advisor = this.advisors.stream()
			.filter((a) -> a.id().equals(agentId))
			.findFirst()
			.orElseThrow(() -> new AgentNotFoundException(agentId));
		if (question.query() == null || question.query().isBlank()) {
			throw new InvalidInputException("query", "query is required: a question in plain English");
		}
		if (question.query().length() > MAX_QUERY) {
			throw new InvalidInputException("query", "query is at most " + MAX_QUERY + " characters");
		}
		Advisor.Answer answer = advisor.answer(question);
		Decision decision = new Decision(Ids.next("dec"), advisor.id(), question.query(), String.join(",", answer.intents()),
				answer.asOf(), answer.confidence(), answer.response().summary(), this.clock.instant());
		this.transactions.executeWithoutResult((status) -> this.decisions.insert(decision, answer.predictions()));
		return new AgentAnswer(advisor.id(), answer.response());
	}

	private static Agent agent(Advisor advisor, @Nullable Stats stats) {
		AgentPerformance performance = (stats != null)
				? new AgentPerformance(stats.decisions(),
						(stats.checked() > 0) ? round3((double) stats.hits() / stats.checked()) : null,
						(stats.avgConfidence() != null) ? round3(stats.avgConfidence()) : null, stats.checked())
				: new AgentPerformance(0, null, null, 0);
		return new Agent(advisor.id(), advisor.name(), advisor.type(), "active", advisor.capabilities(), performance);
	}

	private static double round3(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
