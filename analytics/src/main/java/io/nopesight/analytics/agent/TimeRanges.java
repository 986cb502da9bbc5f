package io.nopesight.analytics.agent;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

/**
 * The time range of a question: from {@code context.time_range} when given (a name or a number of days), else
 * from the question's words ({@code "next quarter"}, {@code "in 60 days"}, {@code "last week"}), else the
 * default: 90 days ahead for capacity, 7 days back for events.
 */
final class TimeRanges {

	static final String FIELD = "context.time_range";

	static final int MAX_DAYS_AHEAD = 365;

	static final int MAX_DAYS_BACK = 90;

	private static final Map<String, Integer> AHEAD = Map.of("next_week", 7, "next_month", 30, "next_quarter", 90,
			"next_half_year", 182, "next_year", 365);

	private static final Map<String, Duration> BACK = Map.of("last_hour", Duration.ofHours(1), "last_day",
			Duration.ofDays(1), "last_24h", Duration.ofDays(1), "last_week", Duration.ofDays(7), "last_month",
			Duration.ofDays(30), "last_quarter", Duration.ofDays(90));

	private static final Pattern DAYS = Pattern.compile("(\\d{1,4})\\s*(?:d|day|days)?");

	private static final Pattern AMOUNT = Pattern.compile("(\\d{1,4})\\s*(hour|day|week|month|quarter|year)s?\\b");

	private static final Pattern NAMED = Pattern.compile("\\b(?:next|coming|this|last|past|previous)\\s+(hour|day|week|month|quarter|year)\\b");

	private TimeRanges() {
	}

	/**
	 * How far ahead a capacity question looks.
	 */
	static Horizon ahead(@Nullable String contextValue, String question) {
		if (contextValue != null && !contextValue.isBlank()) {
			String value = contextValue.strip().toLowerCase(Locale.ROOT);
			Integer named = AHEAD.get(value);
			if (named != null) {
				return new Horizon(named, value);
			}
			Matcher days = DAYS.matcher(value);
			if (days.matches() && inRange(Integer.parseInt(days.group(1)), MAX_DAYS_AHEAD)) {
				return new Horizon(Integer.parseInt(days.group(1)), days.group(1) + " days");
			}
			throw new InvalidInputException(FIELD, "Invalid time_range '" + contextValue + "': use next_week, "
					+ "next_month, next_quarter, next_half_year, next_year or a number of days from 1 to " + MAX_DAYS_AHEAD);
		}
		String text = question.toLowerCase(Locale.ROOT);
		Matcher amount = AMOUNT.matcher(text);
		if (amount.find() && !amount.group(2).equals("hour")) {
			int days = Integer.parseInt(amount.group(1)) * daysOf(amount.group(2));
			if (inRange(days, MAX_DAYS_AHEAD)) {
				return new Horizon(days, days + " days");
			}
		}
		Matcher named = NAMED.matcher(text);
		if (named.find() && !named.group(1).equals("hour") && !named.group(1).equals("day")) {
			return new Horizon(AHEAD.get("next_" + named.group(1)), "next_" + named.group(1));
		}
		return new Horizon(90, "next_quarter");
	}

	/**
	 * How far back an events question looks.
	 */
	static Window back(@Nullable String contextValue, String question) {
		if (contextValue != null && !contextValue.isBlank()) {
			String value = contextValue.strip().toLowerCase(Locale.ROOT);
			Duration named = BACK.get(value);
			if (named != null) {
				return new Window(named, value);
			}
			Matcher days = DAYS.matcher(value);
			if (days.matches() && inRange(Integer.parseInt(days.group(1)), MAX_DAYS_BACK)) {
				return new Window(Duration.ofDays(Integer.parseInt(days.group(1))), days.group(1) + " days");
			}
			throw new InvalidInputException(FIELD, "Invalid time_range '" + contextValue + "' for events: use "
					+ "last_hour, last_day, last_week, last_month, last_quarter or a number of days from 1 to " + MAX_DAYS_BACK);
		}
		String text = question.toLowerCase(Locale.ROOT);
		Matcher amount = AMOUNT.matcher(text);
		if (amount.find()) {
			String unit = amount.group(2);
			int count = Integer.parseInt(amount.group(1));
			Duration window = unit.equals("hour") ? Duration.ofHours(count) : Duration.ofDays((long) count * daysOf(unit));
			if (!window.isZero() && window.compareTo(Duration.ofDays(MAX_DAYS_BACK)) <= 0) {
				return new Window(window, count + " " + unit + ((count == 1) ? "" : "s"));
			}
		}
		if (text.contains("today") || text.contains("24 hours")) {
			return new Window(Duration.ofDays(1), "last_day");
		}
		Matcher named = NAMED.matcher(text);
		if (named.find() && !named.group(1).equals("year")) {
			return new Window(BACK.get("last_" + named.group(1)), "last_" + named.group(1));
		}
		return new Window(Duration.ofDays(7), "last_week");
	}

	private static boolean inRange(int days, int max) {
		return days >= 1 && days <= max;
	}

	private static int daysOf(String unit) {
		return switch (unit) {
			case "week" -> 7;
			case "month" -> 30;
			case "quarter" -> 90;
			case "year" -> 365;
			default -> 1;
		};
	}

	/**
	 * Days ahead, and how the answer names them.
	 */
	record Horizon(int days, String label) {
	}

	/**
	 * A window back from the answer's moment, and how the answer names it.
	 */
	record Window(Duration length, String label) {
	}

}
