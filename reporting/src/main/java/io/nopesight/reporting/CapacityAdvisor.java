package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.nopesight.analytics.agent.AgentAnswer;
import io.nopesight.analytics.agent.AgentQuestion;
import io.nopesight.analytics.agent.Agents;
import io.nopesight.analytics.agent.CapacityAdvice.Recommendation;
import io.nopesight.analytics.agent.QuestionNotUnderstoodException;

/**
 * The Infrastructure Optimizer's capacity recommendations for the report's CIs: asked as an analyst would ask it
 * ("Which production servers need disk capacity upgrades?"), over the report's horizon, as of the end of its
 * period. The agent records its answer as a decision like any other. A CI type the agent has no word for gets no
 * agent advice; the report then recommends from the forecasts alone.
 */
@Component
class CapacityAdvisor {

	static final String OPTIMIZER = "agent_infrastructure_optimizer";

	private static final Map<String, String> TYPE_WORDS = Map.of("server", "servers", "database", "databases",
			"workstation", "workstations", "network_device", "switches", "application", "applications");

	private static final Map<String, String> RESOURCE_WORDS = Map.of("cpu_usage", "cpu", "memory_usage", "memory",
			"disk_usage", "disk");

	private final Agents agents;

	CapacityAdvisor(Agents agents) {
		this.agents = agents;
	}

	Advice advise(String ciType, @Nullable String environment, List<String> metrics, Duration horizon,
			Instant asOf) {
		String noun = TYPE_WORDS.get(ciType);
		if (noun == null) {
			return Advice.none("The Infrastructure Optimizer does not advise on " + ciType
					+ " CIs; the recommendations come from the forecasts.");
		}
		String question = question(noun, environment, metrics);
		try {
			AgentAnswer answer = this.agents.query(OPTIMIZER,
					new AgentQuestion(question, Long.toString(horizon.toDays()), null, asOf, null));
			if (answer.response() instanceof io.nopesight.analytics.agent.CapacityAdvice advice) {
				Map<String, Recommendation> byCi = new LinkedHashMap<>();
				advice.details().forEach((r) -> byCi.put(r.ciId(), r));
				return new Advice(question, advice.summary(), advice.currency(), byCi);
			}
			return Advice.none(answer.response().summary());
		}
		catch (QuestionNotUnderstoodException ex) {
			// recovered: the forecasts still say when each metric runs out
			return Advice.none("The Infrastructure Optimizer did not read '" + question + "': " + ex.getMessage());
		}
	}

	static String question(String noun, @Nullable String environment, List<String> metrics) {
		String resources = (metrics.size() == RESOURCE_WORDS.size()) ? ""
				: metrics.stream().map(RESOURCE_WORDS::get).collect(Collectors.joining(" and ")) + " ";
		return "Which " + ((environment != null) ? environment + " " : "") + noun + " need " + resources
				+ "capacity upgrades?";
	}

	/** What the agent answered: the question asked, its summary and each CI's recommendation. */
	record Advice(@Nullable String question, String summary, String currency, Map<String, Recommendation> byCi) {

		static Advice none(String summary) {
			return new Advice(null, summary, "", Map.of());
		}

	}

}
