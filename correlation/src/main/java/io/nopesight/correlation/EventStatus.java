package io.nopesight.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an event stands: {@code open}, {@code acknowledged} by someone, or {@code resolved} (for good: a
 * recurrence is a new event).
 */
public enum EventStatus {

	OPEN, ACKNOWLEDGED, RESOLVED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<EventStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
