package io.nopesight.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule runs next. Times are worked out in the zone's wall-clock time and only then placed on the
 * time line, so a schedule at 02:30 keeps its wall-clock time across daylight-saving changes: on the night
 * the clocks skip 02:30 it runs when 02:30 would have been, shifted by the gap (03:30), and on the night they
 * repeat 02:30 it runs once, at the first. Quartz's and Spring's cron triggers, which work on the time line,
 * skip the run on the first night and Spring's runs twice on the second, so neither is used for the times.
 */
final class ScheduleTiming {

	static final String DAILY = "daily";

	static final String WEEKLY = "weekly";

	static final String MONTHLY = "monthly";

	static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	// a cron matches at least once in four years or never; this only ends a search that cannot succeed
	private static final int MAX_CANDIDATES = 10_000;

	private final NextLocal nextLocal;

	private final ZoneId zone;

	private final @Nullable String cron;

	private final @Nullable SchedulePeriod period;

	private ScheduleTiming(NextLocal nextLocal, ZoneId zone, @Nullable String cron, @Nullable SchedulePeriod period) {
		this.nextLocal = nextLocal;
		this.zone = zone;
		this.cron = cron;
		this.period = period;
	}

	/**
	 * @param text the expression as given, to show
	 */
	static ScheduleTiming cron(String text, CronExpression cron, ZoneId zone) {
		return new ScheduleTiming(cron::next, zone, text, null);
	}

	static ScheduleTiming daily(LocalTime at, ZoneId zone) {
		return new ScheduleTiming((local) -> {
			LocalDateTime candidate = local.toLocalDate().atTime(at);
			return candidate.isAfter(local) ? candidate : candidate.plusDays(1);
		}, zone, null, new SchedulePeriod(DAILY, HOURS_MINUTES.format(at), null, null));
	}

	static ScheduleTiming weekly(DayOfWeek day, LocalTime at, ZoneId zone) {
		return new ScheduleTiming((local) -> {
			LocalDateTime candidate = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(at);
			return candidate.isAfter(local) ? candidate : candidate.plusWeeks(1);
		}, zone, null, new SchedulePeriod(WEEKLY, HOURS_MINUTES.format(at), day.name().toLowerCase(Locale.ROOT), null));
	}

	/**
	 * On {@code day} of every month, or on the month's last day when it is shorter.
	 */
	static ScheduleTiming monthly(int day, LocalTime at, ZoneId zone) {
		return new ScheduleTiming((local) -> {
			YearMonth month = YearMonth.from(local);
			LocalDateTime candidate = dayOf(month, day).atTime(at);
			return candidate.isAfter(local) ? candidate : dayOf(month.plusMonths(1), day).atTime(at);
		}, zone, null, new SchedulePeriod(MONTHLY, HOURS_MINUTES.format(at), null, day));
	}

	/**
	 * The cron expression as given (trimmed), or null for a period.
	 */
	@Nullable String cron() {
		return this.cron;
	}

	/**
	 * The period as stored and shown ({@code weekly}, {@code 08:00}, {@code monday}), or null for a cron.
	 */
	@Nullable SchedulePeriod period() {
		return this.period;
	}

	/**
	 * The first run strictly after {@code after}, or empty when the schedule never runs again (a cron of a
	 * day that does not exist).
	 */
	Optional<Instant> next(Instant after) {
		LocalDateTime local = LocalDateTime.ofInstant(after, this.zone);
		for (int i = 0; i < MAX_CANDIDATES; i++) {
			LocalDateTime next = this.nextLocal.after(local);
			if (next == null) {
				return Optional.empty();
			}
			local = next;
			// a time in a gap moves forward by the gap's length; a repeated time takes its earlier offset
			Instant candidate = ZonedDateTime.ofLocal(local, this.zone, null).toInstant();
			if (candidate.isAfter(after)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static LocalDate dayOf(YearMonth month, int day) {
		return month.atDay(Math.min(day, month.lengthOfMonth()));
	}

	/**
	 * The first wall-clock time of the schedule after a wall-clock time, or null when there is none.
	 */
	@FunctionalInterface
	private interface NextLocal {

		@Nullable LocalDateTime after(LocalDateTime local);

	}

}
