package io.nopesight.correlation.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a service needs the one it depends on ({@code required}) or works on without it, with less
 * ({@code optional}).
 */
public enum DependencyType {

	REQUIRED, OPTIONAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DependencyType> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
