package io.nopesight.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The one reading of a time that a client or a payload gives: an RFC 3339 date-time
 * ({@code 2024-01-20T15:30:00Z}, any offset, fractional seconds, lowercase {@code t}/{@code z} and the
 * space separator RFC 3339 allows), a plain date ({@code 2024-01-20}, the start of that day in UTC), or
 * Unix epoch seconds. Every time parameter and payload field uses it, so they all take the same input and
 * refuse the rest with the same message.
 */
public final class Timestamps {

	/**
	 * The accepted forms, as error messages name them.
	 */
	public static final String FORMS = "an RFC 3339 date-time such as 2024-01-20T15:30:00Z, a date such as 2024-01-20,"
			+ " or Unix epoch seconds";

	// Epoch seconds from here on would be after the year 5138: such a number is milliseconds (which
	// metric file imports take), not seconds, so it is refused rather than read as a far-off year.
	private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

	private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
		.appendValue(ChronoField.YEAR, 4)
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.appendLiteral('T')
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendOffset("+HH:MM", "Z")
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT)
		.withChronology(IsoChronology.INSTANCE);

	private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
		.appendValue(ChronoField.YEAR, 4)
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT)
		.withChronology(IsoChronology.INSTANCE);

	private Timestamps() {
	}

	/**
	 * The instant the text gives, or empty when it is missing, blank or in none of the accepted forms.
	 */
	public static Optional<Instant> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		try {
			if (value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				long seconds = Long.parseLong(value);
				return (seconds < MAX_EPOCH_SECONDS) ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
			}
			if (value.length() == 10) {
				return Optional.of(LocalDate.parse(value, DATE).atStartOfDay(ZoneOffset.UTC).toInstant());
			}
			return Optional.of(OffsetDateTime.parse(normalized(value), RFC_3339).toInstant());
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The instant a request parameter or payload field gives, {@code null} when it is missing or blank;
	 * throws {@link InvalidInputException} naming the field when it is in none of the accepted forms.
	 */
	public static @Nullable Instant parseField(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return parse(text).orElseThrow(() -> new InvalidInputException(field, invalid(field, text)));
	}

	/**
	 * The message for a field whose text is in none of the accepted forms.
	 */
	public static String invalid(String field, String text) {
		String shown = (text.length() > 60) ? text.substring(0, 57) + "..." : text;
		return "Invalid " + field + " '" + shown + "': use " + FORMS;
	}

	// RFC 3339 lets the separator be 't' or a space and the zone 'z'; the formatter takes the upper-case forms
	private static String normalized(String value) {
		if (value.length() <= 10) {
			return value;
		}
		char separator = value.charAt(10);
		String text = (separator == 't' || separator == ' ')
				? value.substring(0, 10) + 'T' + value.substring(11) : value;
		return text.endsWith("z") ? text.substring(0, text.length() - 1) + 'Z' : text;
	}

}
