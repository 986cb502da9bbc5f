package io.nopesight.core.metric;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The resolution of a series read: raw samples, 5-minute buckets of raw samples, or the roll-ups' hourly slots
 * (by hour or by day).
 */
public enum MetricStep {

	RAW("raw", Duration.ZERO), FIVE_MINUTES("5m", Duration.ofMinutes(5)), HOUR("1h", Duration.ofHours(1)),
	DAY("1d", Duration.ofDays(1));

	private final String value;

	private final Duration width;

	MetricStep(String value, Duration width) {
		this.value = value;
		this.width = width;
	}

	public String value() {
		return this.value;
	}

	public Duration width() {
		return this.width;
	}

	public static Optional<MetricStep> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value.equals(value)).findFirst();
	}

}
