package io.nopesight.core.metric;

/**
 * One metric of one CI over a window: how many samples, their average, minimum and peak, and the last
 * value seen.
 */
public record MetricSummary(String ciId, String ciName, String ciType, String metric, long samples, double avg,
		double min, double max) {
}
