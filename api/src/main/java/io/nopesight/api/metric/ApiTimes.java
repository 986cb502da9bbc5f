package io.nopesight.api.metric;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * Reads the times clients give: ISO-8601 with an offset, or Unix epoch seconds.
 */
final class ApiTimes {

	private ApiTimes() {
	}

	static @Nullable Instant parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.chars().allMatch(Character::isDigit)) {
				return Instant.ofEpochSecond(Long.parseLong(value));
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return null;
		}
	}

	static Instant param(String name, @Nullable String text, Instant fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		Instant parsed = parse(text);
		if (parsed == null) {
			throw new InvalidInputException(name,
					"Invalid time '" + text + "': use ISO-8601 (2026-11-01T00:00:00Z) or epoch seconds");
		}
		return parsed;
	}

}
