package io.nopesight.core.metric;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the samples of one bucket become one point.
 */
public enum MetricAggregation {

	AVG, MIN, MAX;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<MetricAggregation> fromValue(String value) {
		return Arrays.stream(values()).filter((a) -> a.value().equals(value)).findFirst();
	}

}
