package io.nopesight.core.database;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownPartitionsTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private final KnownPartitions partitions = new KnownPartitions(() -> Duration.ofDays(30));

	@Test
	void allKnownWhenRecentDaysWereRememberedTrustsThem() {
		this.partitions.remember(List.of(TODAY, TODAY.minusDays(1)));
		assertThat(this.partitions.allKnown(List.of(TODAY, TODAY.minusDays(1)))).isTrue();
		assertThat(this.partitions.allKnown(List.of(TODAY, TODAY.minusDays(2)))).as("one never seen").isFalse();
	}

	@Test
	void allKnownWhenADayIsOldEnoughForRetentionNeverTrustsIt() {
		// another node's retention may have dropped it
		this.partitions.remember(List.of(TODAY.minusDays(31)));
		assertThat(this.partitions.allKnown(List.of(TODAY.minusDays(31)))).isFalse();
	}

	@Test
	void allKnownWhenForgottenAsksAgain() {
		this.partitions.remember(List.of(TODAY));
		this.partitions.forget();
		assertThat(this.partitions.allKnown(List.of(TODAY))).isFalse();
	}

}
