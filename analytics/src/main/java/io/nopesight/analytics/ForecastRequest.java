package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.MetricStep;

/**
 * What to forecast: a CI's metric, how far ahead, at which step (hourly up to 30 days ahead and daily beyond
 * when not given), from the data up to {@code asOf} (now when not given), against which capacity line
 * ({@code threshold}, 100 when not given).
 */
public record ForecastRequest(String ciId, String metric, Duration horizon, @Nullable MetricStep step,
		@Nullable Instant asOf, @Nullable Double threshold) {
}
