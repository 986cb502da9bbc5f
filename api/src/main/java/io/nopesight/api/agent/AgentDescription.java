package io.nopesight.api.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.agent.Agent;
import io.nopesight.analytics.agent.AgentPerformance;

/**
 * An agent as {@code GET /v1/agents} lists it, with its performance figures.
 */
record AgentDescription(String id, String name, String type, String status, List<String> capabilities,
		Performance performance) {

	static AgentDescription from(Agent agent) {
		AgentPerformance performance = agent.performance();
		return new AgentDescription(agent.id(), agent.name(), agent.type(), agent.status(), agent.capabilities(),
				new Performance(performance.decisionsMade(), performance.successRate(), performance.avgConfidence(),
						performance.predictionsChecked()));
	}

	/**
	 * Answers given; the share of checked capacity predictions that came true (inside their 80% interval),
	 * null until one could be checked; the mean confidence of the answers; how many predictions were checked.
	 */
	record Performance(long decisionsMade, @Nullable Double successRate, @Nullable Double avgConfidence,
			long predictionsChecked) {
	}

}
