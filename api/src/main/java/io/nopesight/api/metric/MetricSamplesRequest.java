package io.nopesight.api.metric;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/metrics}: {@code {"samples": [{"ci", "metric", "timestamp", "value", "labels"}]}}; the CI is
 * an id or a unique name.
 */
record MetricSamplesRequest(@Nullable List<@Nullable Sample> samples) {

	record Sample(@Nullable String ci, @Nullable String metric, @Nullable String timestamp, @Nullable Double value,
			@Nullable Map<String, String> labels) {
	}

}
