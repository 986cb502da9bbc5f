package io.nopesight.api.forecast;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/forecasts}: which CIs ({@code ci_ids}, or a {@code ci_type} and/or {@code environment}),
 * which metrics ({@code metrics}, or one {@code metric}), how far ahead, at which step, from when, against
 * which line.
 */
record FleetForecastBody(@Nullable List<String> ciIds, @Nullable String ciType, @Nullable String environment,
		@Nullable List<String> metrics, @Nullable String metric, @Nullable String horizon, @Nullable String step,
		@Nullable String asOf, @Nullable Double threshold) {

	List<String> allMetrics() {
		List<String> all = new ArrayList<>();
		if (this.metrics != null) {
			all.addAll(this.metrics);
		}
		if (this.metric != null) {
			all.add(this.metric);
		}
		return all;
	}

}
