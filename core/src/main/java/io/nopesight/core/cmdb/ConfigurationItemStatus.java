package io.nopesight.core.cmdb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Lifecycle state of a configuration item.
 */
public enum ConfigurationItemStatus {

	ACTIVE, INACTIVE, MAINTENANCE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ConfigurationItemStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equals(value)).findFirst();
	}

}
