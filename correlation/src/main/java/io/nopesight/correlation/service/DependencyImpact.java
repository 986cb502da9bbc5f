package io.nopesight.correlation.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an outage of the service depended on does to the dependent one: takes it down ({@code full_outage})
 * or takes part of what it does away ({@code degraded_functionality}).
 */
public enum DependencyImpact {

	FULL_OUTAGE, DEGRADED_FUNCTIONALITY;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DependencyImpact> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
