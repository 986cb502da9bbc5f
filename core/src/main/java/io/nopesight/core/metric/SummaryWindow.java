package io.nopesight.core.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How a summary window [from, to) splits over the stored resolutions: raw samples for [from, hoursFrom)
 * and [hoursTo, to); whole UTC days [daysFrom, daysTo) from the day totals; and the whole hours of the
 * partly covered days at either end from their hourly slots (slots numbered 1 to 24, as SQL arrays).
 */
record SummaryWindow(Instant hoursFrom, Instant hoursTo, LocalDate daysFrom, LocalDate daysTo, Slots head,
		Slots tail) {

	/**
	 * Slots {@code first} to {@code last} (inclusive, 1-based) of one day; none when first > last.
	 */
	record Slots(LocalDate day, int first, int last) {

		static final Slots NONE = new Slots(LocalDate.EPOCH, 1, 0);

	}

	static SummaryWindow of(Instant from, Instant to) {
		Instant hoursFrom = ceil(from, ChronoUnit.HOURS);
		Instant hoursTo = to.truncatedTo(ChronoUnit.HOURS);
		if (!hoursFrom.isBefore(hoursTo)) {
			// no whole hour inside the window: all of it from raw samples
			return new SummaryWindow(to, to, LocalDate.EPOCH, LocalDate.EPOCH, Slots.NONE, Slots.NONE);
		}
		LocalDate firstWholeDay = date(ceil(hoursFrom, ChronoUnit.DAYS));
		LocalDate lastDayStart = date(hoursTo);
		if (firstWholeDay.isAfter(lastDayStart)) {
			// the whole hours lie inside one day
			return new SummaryWindow(hoursFrom, hoursTo, LocalDate.EPOCH, LocalDate.EPOCH,
					new Slots(date(hoursFrom), hour(hoursFrom) + 1, hour(hoursTo)), Slots.NONE);
		}
		Slots head = hoursFrom.isBefore(start(firstWholeDay))
				? new Slots(date(hoursFrom), hour(hoursFrom) + 1, DailyRollups.HOURS) : Slots.NONE;
		Slots tail = hoursTo.isAfter(start(lastDayStart)) ? new Slots(lastDayStart, 1, hour(hoursTo)) : Slots.NONE;
		return new SummaryWindow(hoursFrom, hoursTo, firstWholeDay, lastDayStart, head, tail);
	}

	private static Instant ceil(Instant instant, ChronoUnit unit) {
		Instant floor = instant.truncatedTo(unit);
		return floor.equals(instant) ? floor : floor.plus(1, unit);
	}

	private static LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	private static int hour(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).getHour();
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
