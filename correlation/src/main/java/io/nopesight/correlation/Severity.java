package io.nopesight.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How bad an event is, from {@link #LOW} to {@link #CRITICAL}.
 */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Severity> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

	public static Severity worst(Severity a, Severity b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
