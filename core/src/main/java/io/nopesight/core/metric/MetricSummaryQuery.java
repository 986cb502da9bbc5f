package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which metrics to summarise over {@code [from, to)}, for which CIs: the given ids, or every CI (of
 * {@code ciType} when set).
 */
public record MetricSummaryQuery(List<String> metrics, @Nullable List<String> ciIds, @Nullable String ciType,
		Instant from, Instant to) {

	public MetricSummaryQuery {
		metrics = List.copyOf(metrics);
		ciIds = (ciIds != null) ? List.copyOf(ciIds) : null;
	}

}
