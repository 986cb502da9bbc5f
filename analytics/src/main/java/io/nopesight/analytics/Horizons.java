package io.nopesight.analytics;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * Reads how far ahead to look: a number with a unit ({@code 12h}, {@code 30d}, {@code 2w}) or an ISO-8601
 * duration ({@code P30D}), from one hour to {@link #MAX}.
 */
public final class Horizons {

	public static final Duration MAX = Duration.ofDays(365);

	/** A forecast reaches at most this many times its history ahead: 30 daily points carry 359 days. */
	public static final int MAX_TO_HISTORY = 12;

	/** How an unpredictable forecast's reason begins when the horizon is beyond what its history carries. */
	public static final String TOO_SHORT_FOR_HORIZON = "too short for the horizon";

	private static final Pattern SHORT = Pattern.compile("(\\d{1,4})\\s*(h|d|w)");

	private Horizons() {
	}

	public static Duration parse(String field, @Nullable String text, Duration fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		Duration horizon;
		Matcher matcher = SHORT.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			horizon = switch (matcher.group(2)) {
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			};
		}
		else {
			try {
				horizon = Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException(field,
						"Invalid " + field + " '" + text + "': use hours, days or weeks such as 12h, 30d or 2w");
			}
		}
		return check(field, horizon);
	}

	public static Duration check(String field, Duration horizon) {
		if (horizon.compareTo(Duration.ofHours(1)) < 0 || horizon.compareTo(MAX) > 0) {
			throw new InvalidInputException(field, field + " must be between 1h and 365d");
		}
		return horizon;
	}

	/** 30d, 12h or 90m as the API writes a duration back. */
	public static String format(Duration duration) {
		if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return duration.toDays() + "d";
		}
		if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
			return duration.toHours() + "h";
		}
		return duration.toMinutes() + "m";
	}

}
