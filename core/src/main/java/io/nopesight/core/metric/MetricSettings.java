package io.nopesight.core.metric;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention per resolution ({@code nopesight.metrics.raw-retention}, default 30 days;
 * {@code hourly-retention}, default 730 days) and how far in the future a sample may be stamped.
 */
@ConfigurationProperties("nopesight.metrics")
public record MetricSettings(@Nullable Duration rawRetention, @Nullable Duration hourlyRetention,
		@Nullable Duration maxFutureSkew) {

	/**
	 * Why a sample cannot be stored (a value that is not finite, a time outside the kept window), or
	 * {@code null} when it can.
	 */
	public @Nullable String problemWith(Instant timestamp, double value, Instant now) {
		if (!Double.isFinite(value)) {
			return "value must be a finite number";
		}
		if (timestamp.isAfter(now.plus(this.maxFutureSkew))) {
			return "timestamp " + timestamp + " is more than " + this.maxFutureSkew.toHours() + "h in the future";
		}
		if (timestamp.isBefore(now.minus(this.hourlyRetention))) {
			return "timestamp " + timestamp + " is older than the " + this.hourlyRetention.toDays() + "-day retention";
		}
		return null;
	}

	public MetricSettings {
		rawRetention = (rawRetention != null) ? rawRetention : Duration.ofDays(30);
		hourlyRetention = (hourlyRetention != null) ? hourlyRetention : Duration.ofDays(730);
		maxFutureSkew = (maxFutureSkew != null) ? maxFutureSkew : Duration.ofDays(1);
	}

}
