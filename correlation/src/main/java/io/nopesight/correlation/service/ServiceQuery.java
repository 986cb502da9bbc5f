package io.nopesight.correlation.service;

import org.jspecify.annotations.Nullable;

/**
 * Which services to list: by criticality, by health, by a word in the name or description; a page of them.
 */
public record ServiceQuery(@Nullable String criticality, @Nullable HealthStatus health, @Nullable String search,
		int page, int limit) {
}
