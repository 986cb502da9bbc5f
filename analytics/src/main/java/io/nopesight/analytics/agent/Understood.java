package io.nopesight.analytics.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an agent read in a question: the intents, the CI type and environment it narrowed to, the resources or
 * CIs it named, the time range it answered for and the budget (from the context or the question); so that a reader can see the question was understood.
 */
public record Understood(List<String> intents, @Nullable String ciType, @Nullable String environment,
		List<String> resources, List<String> cis, String timeRange, @Nullable Double budget) {

	public Understood {
		intents = List.copyOf(intents);
		resources = List.copyOf(resources);
		cis = List.copyOf(cis);
	}

}
