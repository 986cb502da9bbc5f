package io.nopesight.nlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.nopesight.analytics.agent.Agent;
import io.nopesight.analytics.agent.AgentAnswer;
import io.nopesight.analytics.agent.AgentQuestion;
import io.nopesight.analytics.agent.Agents;
import io.nopesight.analytics.agent.CapacityAdvice;
import io.nopesight.analytics.agent.RightSizingProposal;

/**
 * Recommendations for the servers of a capacity answer, from the infrastructure agent asked about exactly those
 * servers: the upgrades it sizes for the ones that will run out within a quarter, and the right-sizing of the
 * idle ones.
 */
@Component
class CapacityRecommendations {

	private static final Logger logger = LoggerFactory.getLogger(CapacityRecommendations.class);

	/** The most servers the agent is asked about for one answer. */
	static final int MAX_CIS = 50;

	private static final String INFRASTRUCTURE = "infrastructure";

	private final @Nullable Agents agents;

	// the set of agents is fixed at start; listing them also checks predictions and tallies decisions, which a
	// question must not pay for each time
	private volatile @Nullable String infrastructureAgent;

	CapacityRecommendations(@Nullable Agents agents) {
		this.agents = agents;
	}

	List<Recommendation> of(List<Map<String, @Nullable Object>> rows, Instant asOf) {
		List<String> names = rows.stream()
			.filter((r) -> "server".equals(r.get("type")) && r.get("name") != null)
			.map((r) -> String.valueOf(r.get("name")))
			.distinct()
			.toList();
		if (this.agents == null || names.isEmpty() || names.size() > MAX_CIS) {
			return List.of();
		}
		String agent = infrastructureAgent(this.agents);
		if (agent == null) {
			return List.of();
		}
		AgentAnswer answer;
		try {
			answer = this.agents.query(agent, new AgentQuestion("Which of " + String.join(" ", names)
					+ " need capacity upgrades or right-sizing next quarter?", "next_quarter", null, asOf, null));
		}
		catch (RuntimeException ex) {
			// the answer stands without advice; the agent's own endpoint reports what went wrong
			logger.info("No capacity recommendations for the answer: {}", ex.getMessage());
			return List.of();
		}
		return (answer.response() instanceof CapacityAdvice advice) ? recommendations(advice, Set.copyOf(names))
				: List.of();
	}

	private @Nullable String infrastructureAgent(Agents agents) {
		if (this.infrastructureAgent == null) {
			this.infrastructureAgent = agents.list().stream().filter((a) -> INFRASTRUCTURE.equals(a.type()))
				.map(Agent::id).findFirst().orElse(null);
		}
		return this.infrastructureAgent;
	}

	private static List<Recommendation> recommendations(CapacityAdvice advice, Set<String> names) {
		List<Recommendation> recommendations = new ArrayList<>();
		for (CapacityAdvice.Recommendation upgrade : advice.details()) {
			if (names.contains(upgrade.name()) && !upgrade.recommendedUpgrade().isEmpty()) {
				String change = upgrade.recommendedUpgrade().entrySet().stream()
					.map((e) -> e.getValue() + " " + e.getKey())
					.collect(Collectors.joining(", "));
				String impact = (upgrade.projectedExhaustion() != null)
						? "Averts running out on " + upgrade.projectedExhaustion() + "; " + upgrade.reasoning()
						: upgrade.reasoning();
				recommendations.add(new Recommendation("Upgrade " + upgrade.name() + ": " + change, impact,
						upgrade.confidence(), upgrade.ciId(), upgrade.estimatedCost()));
			}
		}
		for (RightSizingProposal proposal : advice.rightSizing()) {
			if (names.contains(proposal.name()) && !proposal.recommendedChange().isEmpty()) {
				String change = proposal.recommendedChange().entrySet().stream()
					.map((e) -> e.getKey() + " " + e.getValue())
					.collect(Collectors.joining(", "));
				recommendations.add(new Recommendation("Right-size " + proposal.name() + ": " + change,
						"Saves " + proposal.monthlySaving() + " a month; " + proposal.reasoning(), proposal.confidence(),
						proposal.ciId(), null));
			}
		}
		return recommendations;
	}

}
