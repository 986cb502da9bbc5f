package io.nopesight.core.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	@Test
	void afterWhenAttemptsFailFollowsTheSpecScheduleWithJitter() {
		assertThat(RetrySchedule.after(1, null)).hasValueSatisfying(
				(d) -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5500)));
		assertThat(RetrySchedule.after(2, null)).hasValueSatisfying(
				(d) -> assertThat(d).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(30)));
		assertThat(RetrySchedule.after(9, null)).hasValueSatisfying(
				(d) -> assertThat(d).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(144)));
	}

	@Test
	void afterWhenScheduleIsSpentIsEmpty() {
		assertThat(RetrySchedule.after(10, null)).isEmpty();
	}

	@Test
	void afterWhenReceiverAsksForLongerWaitsThatLong() {
		assertThat(RetrySchedule.after(1, Duration.ofMinutes(2))).hasValue(Duration.ofMinutes(2));
		assertThat(RetrySchedule.after(1, Duration.ofDays(3))).hasValue(Duration.ofHours(24));
		assertThat(RetrySchedule.after(1, Duration.ofSeconds(1)).orElseThrow()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
	}

}
