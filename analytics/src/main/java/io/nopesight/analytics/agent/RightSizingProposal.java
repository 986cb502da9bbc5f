package io.nopesight.analytics.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An idle CI to shrink: the 95th percentile of its hourly use over the history per resource ({@code "8%"}),
 * the change ({@code "-8 vCPU (16 → 8)"}), the monthly saving, how much history it rests on (as a confidence)
 * and why.
 */
public record RightSizingProposal(String ciId, String name, @Nullable String environment, Map<String, String> p95,
		Map<String, String> recommendedChange, long monthlySaving, double confidence, String reasoning) {

	public RightSizingProposal {
		p95 = Collections.unmodifiableMap(new LinkedHashMap<>(p95));
		recommendedChange = Collections.unmodifiableMap(new LinkedHashMap<>(recommendedChange));
	}

}
