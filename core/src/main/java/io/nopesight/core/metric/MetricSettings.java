package io.nopesight.core.metric;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention per resolution ({@code nopesight.metrics.raw-retention}, default 30 days;
 * {@code hourly-retention}, default 730 days) and how far in the future a sample may be stamped
 * ({@code max-future-skew}, default 1 day); {@link MetricSampleRules} applies them to samples.
 */
@ConfigurationProperties("nopesight.metrics")
public record MetricSettings(@Nullable Duration rawRetention, @Nullable Duration hourlyRetention,
		@Nullable Duration maxFutureSkew) {

	public MetricSettings {
		rawRetention = (rawRetention != null) ? rawRetention : Duration.ofDays(30);
		hourlyRetention = (hourlyRetention != null) ? hourlyRetention : Duration.ofDays(730);
		maxFutureSkew = (maxFutureSkew != null) ? maxFutureSkew : Duration.ofDays(1);
	}

}
