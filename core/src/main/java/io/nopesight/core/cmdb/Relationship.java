package io.nopesight.core.cmdb;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A typed, directed link between two configuration items ({@code runs_on}, {@code depends_on}, ...).
 * {@code discoveredBy} says who asserted it ({@code manual} for people, {@code ai_agent} for inference)
 * and {@code confidence} how sure that source is; {@code revision} counts its changes (from 1).
 */
public record Relationship(String id, String type, ConfigurationItemRef source, ConfigurationItemRef target,
		Map<String, @Nullable Object> attributes, String discoveredBy, double confidence, Instant createdAt,
		long revision) {

	public static final String MANUAL = "manual";

}
