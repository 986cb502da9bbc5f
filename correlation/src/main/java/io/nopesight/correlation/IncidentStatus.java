package io.nopesight.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident stands. {@code merged} incidents live on in the one they were merged into.
 */
public enum IncidentStatus {

	OPEN, ACKNOWLEDGED, RESOLVED, MERGED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<IncidentStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
