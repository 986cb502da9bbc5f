package io.nopesight.analytics.agent;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QuestionReadingTests {

	private static final Set<String> ENVIRONMENTS = Set.of("production", "development", "staging", "test");

	@Test
	void lemmaWhenWordIsInflectedTakesTheEndingOff() {
		assertThat(List.of("servers", "databases", "switches", "running", "exhausted", "capacities", "upgrading",
				"processes", "status", "full"))
			.extracting(Words::lemma)
			.containsExactly("server", "database", "switch", "run", "exhaust", "capacity", "upgrad", "process",
					"status", "full");
	}

	@Test
	void anyWhenQuestionAsksForCapacityReadsCapacityAndNotCost() {
		// given
		Words words = Words.of("Which servers are running out of disk?");
		// then
		assertThat(words.any(Vocabulary.CAPACITY)).isTrue();
		assertThat(words.any(Vocabulary.COST)).isFalse();
	}

	@Test
	void anyWhenQuestionAsksForSavingsReadsCost() {
		assertThat(Words.of("Where can we save money on underutilised machines?").any(Vocabulary.COST)).isTrue();
		assertThat(Words.of("Which boxes are oversized?").any(Vocabulary.COST)).isTrue();
		assertThat(Words.of("Right-sizing candidates in staging").any(Vocabulary.COST)).isTrue();
		assertThat(Words.of("right size the idle ones").any(Vocabulary.COST)).isTrue();
	}

	@Test
	void anyWhenQuestionIsAboutSomethingElseReadsNoIntent() {
		Words words = Words.of("What is the weather in Lisbon?");
		assertThat(words.any(Vocabulary.CAPACITY) || words.any(Vocabulary.COST)).isFalse();
	}

	@Test
	void ciTypeWhenQuestionNamesDatabasesOrHostsReadsTheType() {
		assertThat(Vocabulary.ciType(Words.of("Which databases will fill up?"))).isEqualTo("database");
		assertThat(Vocabulary.ciType(Words.of("Which hosts need upgrades?"))).isEqualTo("server");
		assertThat(Vocabulary.ciType(Words.of("Which workstations need upgrades?"))).isEqualTo("workstation");
		assertThat(Vocabulary.ciType(Words.of("What needs upgrades?"))).isNull();
	}

	@Test
	void environmentWhenQuestionUsesAShortFormReadsTheCmdbValue() {
		assertThat(Vocabulary.environment(Words.of("prod servers running out of disk"), ENVIRONMENTS))
			.isEqualTo("production");
		assertThat(Vocabulary.environment(Words.of("Which dev servers are idle?"), ENVIRONMENTS))
			.isEqualTo("development");
		assertThat(Vocabulary.environment(Words.of("Staging capacity next month"), ENVIRONMENTS)).isEqualTo("staging");
		assertThat(Vocabulary.environment(Words.of("capacity in qa"), ENVIRONMENTS)).isEqualTo("test");
		assertThat(Vocabulary.environment(Words.of("Which servers need upgrades?"), ENVIRONMENTS)).isNull();
	}

	@Test
	void environmentWhenTheValueIsNotInTheCmdbReadsNone() {
		assertThat(Vocabulary.environment(Words.of("prod servers"), Set.of("development"))).isNull();
	}

	@Test
	void resourcesWhenQuestionNamesDiskAndRamReadsStorageAndMemory() {
		assertThat(Vocabulary.resources(Words.of("Which servers run low on RAM or disk space?")))
			.containsExactly(Resource.MEMORY, Resource.STORAGE);
	}

	@Test
	void ciNameCandidatesWhenQuestionNamesAHostKeepsIt() {
		assertThat(Vocabulary.ciNameCandidates(Words.of("Will PROD-DB-03 run out of storage in 90 days?")))
			.containsExactly("PROD-DB-03");
	}

	@Test
	void aheadWhenContextNamesARangeUsesItsDays() {
		assertThat(TimeRanges.ahead("next_month", "").days()).isEqualTo(30);
		assertThat(TimeRanges.ahead("next_quarter", "").days()).isEqualTo(90);
		assertThat(TimeRanges.ahead("next_year", "").days()).isEqualTo(365);
		assertThat(TimeRanges.ahead("45", "").days()).isEqualTo(45);
		assertThat(TimeRanges.ahead("60d", "").days()).isEqualTo(60);
	}

	@Test
	void aheadWhenContextIsMissingReadsTheQuestionElseAQuarter() {
		assertThat(TimeRanges.ahead(null, "Which servers fill up in the next 60 days?").days()).isEqualTo(60);
		assertThat(TimeRanges.ahead(null, "capacity next month").days()).isEqualTo(30);
		assertThat(TimeRanges.ahead(null, "capacity in 2 weeks").days()).isEqualTo(14);
		assertThat(TimeRanges.ahead(null, "What needs upgrades?")).isEqualTo(new TimeRanges.Horizon(90, "next_quarter"));
	}

	@Test
	void aheadWhenContextIsUnreadableNamesTheField() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> TimeRanges.ahead("soonish", ""))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("context.time_range"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> TimeRanges.ahead("900", ""));
	}

	@Test
	void backWhenQuestionSaysLastWeekOrHoursReadsTheWindow() {
		assertThat(TimeRanges.back(null, "noisiest sources last week").length()).isEqualTo(Duration.ofDays(7));
		assertThat(TimeRanges.back(null, "alerts in the past 6 hours").length()).isEqualTo(Duration.ofHours(6));
		assertThat(TimeRanges.back("last_day", "").length()).isEqualTo(Duration.ofDays(1));
		assertThat(TimeRanges.back(null, "noisy sources").length()).isEqualTo(Duration.ofDays(7));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> TimeRanges.back("next_quarter", ""));
	}

}
