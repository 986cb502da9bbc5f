package io.nopesight.core.cmdb;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields a CI list can be ordered by, with the column each maps to; id breaks ties.
 */
public enum ConfigurationItemSort {

	NAME("name", "lower(name)"), CREATED_AT("created_at", "created_at"), UPDATED_AT("updated_at", "updated_at");

	private final String value;

	private final String column;

	ConfigurationItemSort(String value, String column) {
		this.value = value;
		this.column = column;
	}

	public String value() {
		return this.value;
	}

	String column() {
		return this.column;
	}

	public static Optional<ConfigurationItemSort> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value.equals(value)).findFirst();
	}

}
