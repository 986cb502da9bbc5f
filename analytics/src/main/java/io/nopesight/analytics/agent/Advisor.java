package io.nopesight.analytics.agent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One agent's behaviour: what it is and how it answers. {@link DefaultAgents} records every answer.
 */
interface Advisor {

	String id();

	String name();

	String type();

	List<String> capabilities();

	Answer answer(AgentQuestion question);

	/**
	 * An answer, what it was read as, and what it predicted (to be checked later).
	 */
	record Answer(AgentResponse response, List<String> intents, Instant asOf, List<Prediction> predictions) {

		@Nullable Double confidence() {
			return this.response.confidence();
		}

	}

}
