package io.nopesight.core.demo;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DemoEstateTests {

	@Test
	void endingOnWhenLaterThanTheRecordingMovesItByWholeDaysToTheStartOfThatDay() {
		// when
		DemoEstate estate = DemoEstate.endingOn(Instant.parse("2026-12-04T21:47:00Z"));
		// then
		assertThat(estate.shift()).isEqualTo(Duration.ofDays(33));
		assertThat(estate.shifted(DemoEstate.RECORDED_UNTIL)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
		assertThat(estate.shifted(Instant.parse("2026-10-02T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
	}

	@Test
	void endingOnWhenNotLaterThanTheRecordingLeavesItsTimesAlone() {
		// when
		DemoEstate estate = DemoEstate.endingOn(Instant.parse("2026-11-01T10:00:00Z"));
		// then
		assertThat(estate.shift()).isZero();
		assertThat(DemoEstate.endingOn(Instant.parse("2026-10-20T00:00:00Z")).shift()).isZero();
	}

	@Test
	void ciIdWhenNoPartLoadedThatNameSaysSo() {
		// given
		DemoEstate estate = DemoEstate.endingOn(DemoEstate.RECORDED_UNTIL);
		estate.remember("CORE-SW-01", "ci_1");
		// when, then
		assertThat(estate.ciId("CORE-SW-01")).isEqualTo("ci_1");
		assertThatIllegalArgumentException().isThrownBy(() -> estate.ciId("NOPE-01")).withMessageContaining("NOPE-01");
	}

	@Test
	void jsonLinesWhenReadingCoresPartGivesEveryRecord() {
		// when, then
		assertThat(DemoEstate.jsonLines("demo/core/cis.jsonl")).hasSize(215);
		assertThat(DemoEstate.jsonLines("demo/core/process-scans.jsonl")).hasSize(44);
	}

}
