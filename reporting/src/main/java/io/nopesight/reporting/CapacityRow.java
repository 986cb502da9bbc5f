package io.nopesight.reporting;

import org.jspecify.annotations.Nullable;

/**
 * One metric of one CI in the capacity report: its use over the period (average, peak, trend per day), when its
 * forecast reaches the capacity line (expected, and the 80% interval), the model behind it, and what is
 * recommended for the CI.
 */
record CapacityRow(String ci, @Nullable String environment, @Nullable String location, String metric,
		@Nullable Double average, @Nullable Double peak, @Nullable Double trendPerDay, String exhaustion,
		String interval, String model, @Nullable String recommendation) implements ReportRow {

	@Override
	public @Nullable Object value(String field) {
		return switch (field) {
			case "ci" -> this.ci;
			case "environment" -> this.environment;
			case "location" -> this.location;
			case "metric" -> this.metric;
			case "average" -> this.average;
			case "peak" -> this.peak;
			case "trend_per_day" -> this.trendPerDay;
			case "exhaustion" -> this.exhaustion;
			case "interval" -> this.interval;
			case "model" -> this.model;
			case "recommendation" -> this.recommendation;
			default -> throw new IllegalArgumentException("The capacity report has no field '" + field + "'");
		};
	}

}
