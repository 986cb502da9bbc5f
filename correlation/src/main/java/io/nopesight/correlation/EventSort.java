package io.nopesight.correlation;

import java.util.Arrays;
import java.util.Optional;

/**
 * What event lists may be sorted by.
 */
public enum EventSort {

	CREATED_AT("created_at"), UPDATED_AT("updated_at"), SEVERITY("severity");

	private final String value;

	EventSort(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<EventSort> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value.equalsIgnoreCase(value.strip())).findFirst();
	}

}
