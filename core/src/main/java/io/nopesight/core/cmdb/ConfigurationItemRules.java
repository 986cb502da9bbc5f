package io.nopesight.core.cmdb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * What makes a CI's name, type and status acceptable.
 */
final class ConfigurationItemRules {

	static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");

	static final int MAX_NAME = 255;

	static final int MAX_TYPE = 64;

	static final int MAX_DESCRIPTION = 10_000;

	private ConfigurationItemRules() {
	}

	static void check(@Nullable String name, @Nullable String type, @Nullable String status,
			@Nullable String description, boolean creating) {
		List<FieldError> errors = new ArrayList<>();
		if (name != null || creating) {
			if (name == null || name.isBlank()) {
				errors.add(new FieldError("name", "name is required"));
			}
			else if (name.length() > MAX_NAME) {
				errors.add(new FieldError("name", "name is longer than " + MAX_NAME + " characters"));
			}
		}
		if (type != null || creating) {
			if (type == null || type.isBlank()) {
				errors.add(new FieldError("type", "type is required"));
			}
			else if (!ConfigurationItemTypes.isValid(type)) {
				errors.add(new FieldError("type", "Invalid CI type '" + type
						+ "': use lower-case letters, digits and underscores, starting with a letter"));
			}
		}
		if (status != null && ConfigurationItemStatus.fromValue(status).isEmpty()) {
			errors.add(new FieldError("status",
					"Invalid status '" + status + "': use one of active, inactive, maintenance"));
		}
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.add(new FieldError("description", "description is longer than " + MAX_DESCRIPTION + " characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
