package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.MetricStep;

/**
 * Forecasts for many CIs: those named in {@code ciIds}, or else every CI of {@code ciType} and/or
 * {@code environment} (at most {@link #MAX_CIS}), for each of {@code metrics}.
 */
public record FleetForecastRequest(List<String> ciIds, @Nullable String ciType, @Nullable String environment,
		List<String> metrics, Duration horizon, @Nullable MetricStep step, @Nullable Instant asOf,
		@Nullable Double threshold) {

	public static final int MAX_CIS = 1_000;

	public FleetForecastRequest {
		ciIds = List.copyOf(ciIds);
		metrics = List.copyOf(metrics);
	}

}
