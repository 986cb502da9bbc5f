package io.nopesight.nlq;

import org.jspecify.annotations.Nullable;

/**
 * What to do about a CI of the answer, from the capacity agent: the action ("Add 1600 GB disk to PROD-DB-03"),
 * its impact, how sure the agent is, and what it costs.
 */
public record Recommendation(String action, String impact, double confidence, @Nullable String ciId,
		@Nullable Long estimatedCost) {
}
