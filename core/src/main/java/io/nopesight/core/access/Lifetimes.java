package io.nopesight.core.access;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nopesight.core.InvalidInputException;

/**
 * Reads token lifetimes as the API reference writes them: {@code 365d}, {@code 12h}, {@code 30m},
 * {@code 90s}, {@code 2w}.
 */
public final class Lifetimes {

	public static final Duration MAX = Duration.ofDays(3650);

	private static final Pattern LIFETIME = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");

	private Lifetimes() {
	}

	public static Duration parse(String text, String field) {
		Matcher matcher = LIFETIME.matcher(text.trim());
		if (!matcher.matches()) {
			throw new InvalidInputException(field,
					"'" + text + "' is not a lifetime; use a number and a unit, e.g. 365d, 12h, 30m, 90s or 2w");
		}
		long n = Long.parseLong(matcher.group(1));
		Duration lifetime = switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			case "d" -> Duration.ofDays(n);
			default -> Duration.ofDays(7 * n);
		};
		if (lifetime.compareTo(MAX) > 0) {
			throw new InvalidInputException(field, "a token may live at most 3650d");
		}
		return lifetime;
	}

}
