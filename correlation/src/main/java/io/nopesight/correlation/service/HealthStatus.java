package io.nopesight.correlation.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a service is doing: {@code healthy}, {@code degraded} (working, worse), {@code down}.
 */
public enum HealthStatus {

	HEALTHY, DEGRADED, DOWN;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<HealthStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

	static HealthStatus worst(HealthStatus a, HealthStatus b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
