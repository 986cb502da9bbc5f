package io.nopesight.correlation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /v1/events/{id}/correlations}.
 */
public record EventCorrelations(String primaryEvent, @Nullable String incidentId, List<CorrelatedEvent> correlated,
		@Nullable SuggestedRootCause suggestedRootCause) {

	/**
	 * The incident's most likely root cause.
	 */
	public record SuggestedRootCause(String ciId, String ciName, double confidence, String explanation) {
	}

}
