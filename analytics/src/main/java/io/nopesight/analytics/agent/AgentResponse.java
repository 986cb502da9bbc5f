package io.nopesight.analytics.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What every answer has: a one-line summary, the findings ({@code details}), how confident the agent is (0 to
 * 1; null when it found nothing to be confident about) and why. Each kind of answer adds its own fields.
 */
public sealed interface AgentResponse permits CapacityAdvice, RightSizingAdvice, EventAnalysis {

	String summary();

	List<?> details();

	@Nullable Double confidence();

	String reasoning();

}
