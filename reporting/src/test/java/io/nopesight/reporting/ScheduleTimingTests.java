package io.nopesight.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next-run computation, across the daylight-saving changes of Europe/Berlin in 2025: the clocks went from
 * 02:00 to 03:00 on 30 March (there was no 02:30) and from 03:00 back to 02:00 on 26 October (02:30 came
 * twice, at 00:30 and 01:30 UTC).
 */
class ScheduleTimingTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalTime HALF_PAST_TWO = LocalTime.of(2, 30);

	@Test
	void nextWhenTheTimeIsSkippedOnTheSpringForwardNightRunsWhenTheClocksHaveMovedThatNight() {
		// given
		ScheduleTiming daily = ScheduleTiming.daily(HALF_PAST_TWO, BERLIN);
		// when
		Instant night = daily.next(berlin("2025-03-29T12:00")).orElseThrow();
		Instant after = daily.next(night).orElseThrow();
		// then: 03:30 CEST, an hour after 02:30 would have been in CET; and back to 02:30 the next night
		assertThat(night).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
		assertThat(night.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
		assertThat(after).isEqualTo(Instant.parse("2025-03-31T00:30:00Z"));
	}

	@Test
	void nextWhenTheTimeComesTwiceOnTheFallBackNightRunsOnceAtTheFirst() {
		// given
		ScheduleTiming daily = ScheduleTiming.daily(HALF_PAST_TWO, BERLIN);
		// when
		Instant first = daily.next(berlin("2025-10-25T12:00")).orElseThrow();
		Instant next = daily.next(first).orElseThrow();
		// then
		assertThat(first).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
		assertThat(next).isEqualTo(Instant.parse("2025-10-27T01:30:00Z"));
	}

	@Test
	void nextWhenAWeeklyRunFallsInTheGapStillRunsThatWeek() {
		// given: Sundays at 02:30, and 30 March 2025 was a Sunday
		ScheduleTiming weekly = ScheduleTiming.weekly(DayOfWeek.SUNDAY, HALF_PAST_TWO, BERLIN);
		// when
		Instant run = weekly.next(berlin("2025-03-27T09:00")).orElseThrow();
		// then
		assertThat(run).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
	}

	@Test
	void nextWhenACronFallsInTheGapOrTheOverlapKeepsItsWallClockTimeToo() {
		// given
		ScheduleTiming cron = read("30 2 * * *", null, BERLIN);
		// when, then
		assertThat(cron.next(berlin("2025-03-29T12:00"))).contains(Instant.parse("2025-03-30T01:30:00Z"));
		assertThat(cron.next(Instant.parse("2025-10-26T00:30:00Z"))).contains(Instant.parse("2025-10-27T01:30:00Z"));
	}

	@Test
	void nextWhenTheMonthIsShorterThanTheDayRunsOnItsLastDay() {
		// given
		ScheduleTiming monthly = ScheduleTiming.monthly(31, LocalTime.of(8, 0), ZoneOffset.UTC);
		// when
		Instant february = monthly.next(Instant.parse("2024-01-31T09:00:00Z")).orElseThrow();
		Instant march = monthly.next(february).orElseThrow();
		// then
		assertThat(february).isEqualTo(Instant.parse("2024-02-29T08:00:00Z"));
		assertThat(march).isEqualTo(Instant.parse("2024-03-31T08:00:00Z"));
	}

	@Test
	void nextWhenTheRunIsLaterTodayRunsToday() {
		// given
		ScheduleTiming daily = ScheduleTiming.daily(LocalTime.of(8, 0), ZoneOffset.UTC);
		// when, then
		assertThat(daily.next(Instant.parse("2025-06-02T07:59:59Z"))).contains(Instant.parse("2025-06-02T08:00:00Z"));
		assertThat(daily.next(Instant.parse("2025-06-02T08:00:00Z"))).contains(Instant.parse("2025-06-03T08:00:00Z"));
	}

	@Test
	void readWhenACronHasSixFieldsTakesTheSecondsFirst() {
		// given
		ScheduleTiming cron = read("15 0 8 * * MON-FRI", null, ZoneOffset.UTC);
		// when, then: 7 June 2025 was a Saturday
		assertThat(cron.next(Instant.parse("2025-06-07T00:00:00Z"))).contains(Instant.parse("2025-06-09T08:00:15Z"));
	}

	@Test
	void readWhenAPeriodIsGivenKeepsItInItsStoredForm() {
		// given
		SchedulePeriod period = new SchedulePeriod(" Weekly", "07:05", "MON", null);
		// when
		ScheduleTiming timing = read(null, period, ZoneOffset.UTC);
		// then
		assertThat(timing.period()).isEqualTo(new SchedulePeriod("weekly", "07:05", "monday", null));
		assertThat(timing.cron()).isNull();
	}

	@Test
	void readWhenTheTimingIsWrongNamesEachField() {
		assertThat(errors("0 15 3 * * ? 2030", null)).extracting(FieldError::field).containsExactly("cron");
		assertThat(errors("61 * * * *", null)).extracting(FieldError::field).containsExactly("cron");
		assertThat(errors(null, null)).extracting(FieldError::field).containsExactly("cron");
		assertThat(errors("0 8 * * *", new SchedulePeriod("daily", "08:00", null, null)))
			.extracting(FieldError::field)
			.containsExactly("cron");
		assertThat(errors(null, new SchedulePeriod("hourly", "8:00", null, 3))).extracting(FieldError::field)
			.containsExactlyInAnyOrder("period.time", "period.day_of_month", "period.frequency");
		assertThat(errors(null, new SchedulePeriod("weekly", "08:00", "someday", null))).extracting(FieldError::field)
			.containsExactly("period.day_of_week");
		assertThat(errors(null, new SchedulePeriod("monthly", "08:00", null, 32))).extracting(FieldError::field)
			.containsExactly("period.day_of_month");
	}

	@Test
	void readWhenACronIsAMacroReadsItAsSpringDoes() {
		assertThat(read("@daily", null, ZoneOffset.UTC).next(Instant.parse("2025-06-02T07:00:00Z")))
			.contains(Instant.parse("2025-06-03T00:00:00Z"));
	}

	@Test
	void nextWhenTheCronNamesADayThatNeverComesIsEmpty() {
		assertThat(read("0 0 30 2 *", null, ZoneOffset.UTC).next(Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
	}

	private static ScheduleTiming read(String cron, SchedulePeriod period, ZoneId zone) {
		List<FieldError> errors = new ArrayList<>();
		ScheduleTiming timing = ScheduleTimingCheck.read(cron, period, zone, errors);
		assertThat(errors).isEmpty();
		assertThat(timing).isNotNull();
		return timing;
	}

	private static List<FieldError> errors(String cron, SchedulePeriod period) {
		List<FieldError> errors = new ArrayList<>();
		assertThat(ScheduleTimingCheck.read(cron, period, ZoneOffset.UTC, errors)).isNull();
		return errors;
	}

	private static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

}
