package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How reports write times: in the reader's time zone, to the minute (or the day), the same in every format.
 */
final class ReportTimes {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	private final ZoneId zone;

	ReportTimes(ZoneId zone) {
		this.zone = zone;
	}

	ZoneId zone() {
		return this.zone;
	}

	String minute(@Nullable Instant instant) {
		return (instant != null) ? MINUTE.format(instant.atZone(this.zone)) : "";
	}

	String day(@Nullable Instant instant) {
		return (instant != null) ? DAY.format(instant.atZone(this.zone)) : "";
	}

	/** A moment with its zone, as the title page and footers show when a report was made. */
	String withZone(Instant instant) {
		return minute(instant) + " (" + this.zone.getId() + ")";
	}

	String period(DateRange range) {
		return minute(range.from()) + " – " + minute(range.to());
	}

}
