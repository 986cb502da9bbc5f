package io.nopesight.core.cmdb;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * CI types as clients filter by them: the same rule as a CI's own type (lower-case letters, digits and
 * underscores, starting with a letter, at most 64 characters).
 */
public final class ConfigurationItemTypes {

	private ConfigurationItemTypes() {
	}

	/**
	 * The type to filter by, or {@code null} when none was given (absent or blank).
	 * @throws InvalidInputException on field {@code type} when it is not a valid CI type
	 */
	public static @Nullable String filter(@Nullable String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		if (!isValid(type)) {
			throw new InvalidInputException("type", "Invalid CI type '" + type + "'");
		}
		return type;
	}

	static boolean isValid(String type) {
		return type.length() <= ConfigurationItemRules.MAX_TYPE && ConfigurationItemRules.TYPE.matcher(type).matches();
	}

}
