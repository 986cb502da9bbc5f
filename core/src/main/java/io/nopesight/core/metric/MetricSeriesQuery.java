package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;

/**
 * Which series to read (one metric of one or more CIs, every label set), over which window
 * {@code [from, to)}, at which step.
 */
public record MetricSeriesQuery(List<String> ciIds, String metric, Instant from, Instant to, MetricStep step,
		MetricAggregation aggregation) {

	public MetricSeriesQuery {
		ciIds = List.copyOf(ciIds);
	}

	public MetricSeriesQuery(String ciId, String metric, Instant from, Instant to, MetricStep step,
			MetricAggregation aggregation) {
		this(List.of(ciId), metric, from, to, step, aggregation);
	}

}
