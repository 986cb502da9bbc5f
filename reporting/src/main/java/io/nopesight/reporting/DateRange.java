package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;

/**
 * The period a report covers, {@code [from, to)}: the last day, 7, 30 or 90 days up to the moment it was asked
 * for, or a custom range. A custom end given as a date covers that whole day; dates are read in the report's time
 * zone, date-times with their own offset.
 */
record DateRange(String name, Instant from, Instant to) {

	static final String PARAMETER = "date_range";

	static final String CUSTOM = "custom";

	/** The longest custom range: a year and a bit, so that "the last 12 months" always fits. */
	static final Duration LONGEST = Duration.ofDays(400);

	private static final Map<String, Duration> RELATIVE = Map.of("last_24_hours", Duration.ofDays(1), "last_7_days",
			Duration.ofDays(7), "last_30_days", Duration.ofDays(30), "last_90_days", Duration.ofDays(90));

	static final List<String> NAMES = List.of("last_24_hours", "last_7_days", "last_30_days", "last_90_days", CUSTOM);

	Duration length() {
		return Duration.between(this.from, this.to);
	}

	/**
	 * The range a request names; every problem is added to {@code errors} (and the range is then null).
	 */
	static @Nullable DateRange resolve(String name, @Nullable Object from, @Nullable Object to, Instant now,
			ZoneId zone, List<FieldError> errors) {
		Duration relative = RELATIVE.get(name);
		if (relative != null) {
			if (from != null || to != null) {
				errors.add(new FieldError(field((from != null) ? "from" : "to"),
						"from and to go with date_range 'custom', not '" + name + "'"));
				return null;
			}
			return new DateRange(name, now.minus(relative), now);
		}
		Instant start = bound("from", from, zone, false, errors);
		Instant end = bound("to", to, zone, true, errors);
		if (start == null || end == null) {
			return null;
		}
		if (!start.isBefore(end)) {
			errors.add(new FieldError(field("to"), "to must be after from"));
			return null;
		}
		if (Duration.between(start, end).compareTo(LONGEST) > 0) {
			errors.add(new FieldError(field("to"), "A custom date range spans at most " + LONGEST.toDays() + " days"));
			return null;
		}
		return new DateRange(CUSTOM, start, end);
	}

	private static @Nullable Instant bound(String name, @Nullable Object value, ZoneId zone, boolean end,
			List<FieldError> errors) {
		if (value == null || value.toString().isBlank()) {
			errors.add(new FieldError(field(name), name + " is required with date_range 'custom'"));
			return null;
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		String text = value.toString().strip();
		if (text.length() == 10) {
			try {
				LocalDate day = LocalDate.parse(text);
				return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(field(name), Timestamps.invalid(name, text)));
				return null;
			}
		}
		Instant instant = Timestamps.parse(text).orElse(null);
		if (instant == null) {
			errors.add(new FieldError(field(name), Timestamps.invalid(name, text)));
		}
		return instant;
	}

	static String field(String name) {
		return "parameters." + name;
	}

	/** Reads a bound back from validated parameters, which may have been kept as text in between. */
	static Instant instant(String name, @Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (value instanceof java.time.temporal.TemporalAccessor temporal) {
			return Instant.from(temporal);
		}
		if (value != null) {
			Instant parsed = Timestamps.parse(value.toString()).orElse(null);
			if (parsed != null) {
				return parsed;
			}
		}
		throw new InvalidInputException(field(name), "The validated parameters have no " + name + " instant");
	}

}
