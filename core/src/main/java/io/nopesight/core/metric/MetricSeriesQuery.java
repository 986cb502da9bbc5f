package io.nopesight.core.metric;

import java.time.Instant;

/**
 * Which series of one CI to read, over which window {@code [from, to)}, at which step.
 */
public record MetricSeriesQuery(String ciId, String metric, Instant from, Instant to, MetricStep step,
		MetricAggregation aggregation) {
}
