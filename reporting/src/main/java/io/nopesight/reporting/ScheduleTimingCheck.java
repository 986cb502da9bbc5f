package io.nopesight.reporting;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;

import io.nopesight.core.InvalidInputException.FieldError;

/**
 * Reads the timing a schedule asks for, a cron expression or a simple period, into a {@link ScheduleTiming},
 * naming what is wrong as the API names the fields.
 */
final class ScheduleTimingCheck {

	private ScheduleTimingCheck() {
	}

	/**
	 * The timing a schedule asks for: a cron expression or a period, one of the two. What is wrong goes to
	 * {@code errors}, named as the API names the fields, and the answer is then null.
	 */
	static @Nullable ScheduleTiming read(@Nullable String cron, @Nullable SchedulePeriod period, ZoneId zone,
			List<FieldError> errors) {
		boolean hasCron = cron != null && !cron.isBlank();
		if (hasCron == (period != null)) {
			errors.add(new FieldError("cron", "give either cron (e.g. \"0 8 * * MON-FRI\") or period (e.g. "
					+ "{\"frequency\": \"daily\", \"time\": \"08:00\"}), one of the two"));
			return null;
		}
		return hasCron ? readCron(cron, zone, errors) : readPeriod(period, zone, errors);
	}

	// five fields (minute hour day month weekday), as crontab has them, or six with the seconds first
	private static @Nullable ScheduleTiming readCron(String cron, ZoneId zone, List<FieldError> errors) {
		String text = cron.strip();
		int fields = text.split("\\s+").length;
		if (!text.startsWith("@") && fields != 5 && fields != 6) {
			errors.add(new FieldError("cron", "Invalid cron '" + cron + "': use 5 fields (minute hour day-of-month "
					+ "month day-of-week, e.g. \"30 2 * * SUN\") or 6 with the seconds first"));
			return null;
		}
		try {
			return ScheduleTiming.cron(text, CronExpression.parse((fields == 5) ? "0 " + text : text), zone);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("cron", "Invalid cron '" + cron + "': " + ex.getMessage()));
			return null;
		}
	}

	private static @Nullable ScheduleTiming readPeriod(SchedulePeriod period, ZoneId zone, List<FieldError> errors) {
		LocalTime at = time(period.time(), errors);
		String frequency = (period.frequency() != null) ? period.frequency().strip().toLowerCase(Locale.ROOT) : "";
		DayOfWeek day = ScheduleTiming.WEEKLY.equals(frequency) ? dayOfWeek(period.dayOfWeek(), errors) : null;
		Integer dayOfMonth = ScheduleTiming.MONTHLY.equals(frequency) ? dayOfMonth(period.dayOfMonth(), errors) : null;
		if (!ScheduleTiming.WEEKLY.equals(frequency) && period.dayOfWeek() != null) {
			errors.add(new FieldError("period.day_of_week", "day_of_week is only for frequency weekly"));
		}
		if (!ScheduleTiming.MONTHLY.equals(frequency) && period.dayOfMonth() != null) {
			errors.add(new FieldError("period.day_of_month", "day_of_month is only for frequency monthly"));
		}
		if (!List.of(ScheduleTiming.DAILY, ScheduleTiming.WEEKLY, ScheduleTiming.MONTHLY).contains(frequency)) {
			errors.add(new FieldError("period.frequency",
					"Invalid frequency '" + period.frequency() + "': use daily, weekly or monthly"));
			return null;
		}
		boolean incomplete = (ScheduleTiming.WEEKLY.equals(frequency) && day == null)
				|| (ScheduleTiming.MONTHLY.equals(frequency) && dayOfMonth == null);
		if (at == null || incomplete) {
			return null;
		}
		return switch (frequency) {
			case ScheduleTiming.WEEKLY -> ScheduleTiming.weekly(day, at, zone);
			case ScheduleTiming.MONTHLY -> ScheduleTiming.monthly(dayOfMonth, at, zone);
			default -> ScheduleTiming.daily(at, zone);
		};
	}

	private static @Nullable LocalTime time(@Nullable String time, List<FieldError> errors) {
		try {
			if (time != null && time.strip().length() == 5) {
				return LocalTime.parse(time.strip(), ScheduleTiming.HOURS_MINUTES);
			}
		}
		catch (DateTimeParseException ex) {
			// answered below
		}
		errors.add(new FieldError("period.time", "Invalid time '" + time + "': use HH:mm, e.g. 08:00"));
		return null;
	}

	private static @Nullable DayOfWeek dayOfWeek(@Nullable String day, List<FieldError> errors) {
		String name = (day != null) ? day.strip().toUpperCase(Locale.ROOT) : "";
		for (DayOfWeek candidate : DayOfWeek.values()) {
			if (!name.isEmpty() && (candidate.name().equals(name)
					|| (name.length() == 3 && candidate.name().startsWith(name)))) {
				return candidate;
			}
		}
		errors.add(new FieldError("period.day_of_week", "Invalid day_of_week '" + day + "': use monday to sunday"));
		return null;
	}

	private static @Nullable Integer dayOfMonth(@Nullable Integer day, List<FieldError> errors) {
		if (day == null || day < 1 || day > 31) {
			errors.add(new FieldError("period.day_of_month", "Invalid day_of_month '" + day + "': use 1 to 31 (a "
					+ "shorter month runs on its last day)"));
			return null;
		}
		return day;
	}

}
