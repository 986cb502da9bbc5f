package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTallyTests {

	private static final Instant T0 = Instant.parse("2026-10-04T17:45:00Z");

	private static final List<String> CIS = List.of("CORE-SW", "ACC-SW-1", "HOST-1", "HOST-2", "DB-VM", "APP-VM-1",
			"APP-VM-2", "WEB-VM", "orders-db", "Order Service", "Shop API", "Shop Web", "NOISE-BOX");

	private final TopologyDistances distances = new TopologyDistances(Estates.shop(), 6);

	private final RootCauseRanking ranking = new RootCauseRanking(this.distances);

	@Test
	void rankWhenEventsJoinOneByOneInAnyOrderMatchesRankingThemAllAtOnce() {
		Random random = new Random(42);
		for (int round = 0; round < 50; round++) {
			// given: a random incident, and the same events in a shuffled order of arrival
			List<IncidentDigest.Part> parts = randomParts(random, 1 + random.nextInt(40));
			List<IncidentDigest.Part> arrival = new ArrayList<>(parts);
			Collections.shuffle(arrival, random);
			IncidentTally incremental = new IncidentTally(this.distances);
			// when: ranked after every arrival, as the correlator does
			for (IncidentDigest.Part part : arrival) {
				incremental.add(part);
				this.ranking.rank(incremental);
			}
			// then
			IncidentTally whole = IncidentTally.of(this.distances, parts);
			assertThat(this.ranking.rank(incremental)).isEqualTo(this.ranking.rank(whole));
			assertThat(incremental.cisInOrder()).isEqualTo(whole.cisInOrder());
			assertThat(incremental.first()).isEqualTo(whole.first());
			assertThat(incremental.firstTitle()).isEqualTo(whole.firstTitle());
			assertThat(incremental.worst()).isEqualTo(whole.worst());
			assertThat(incremental.alerting()).isEqualTo(whole.alerting());
		}
	}

	@Test
	void drainGainedWhenACiAlertsAgainLaterGainsNothingButEarlierMovesItsStart() {
		// given
		IncidentTally tally = new IncidentTally(this.distances);
		tally.add(part("orders-db", 5, Severity.HIGH, EventStatus.OPEN));
		tally.add(part("Shop API", 7, Severity.HIGH, EventStatus.OPEN));
		assertThat(tally.drainGained()).containsOnlyKeys("orders-db", "Shop API");
		// when
		tally.add(part("orders-db", 9, Severity.CRITICAL, EventStatus.OPEN));
		Map<String, Instant> later = tally.drainGained();
		tally.add(part("Shop API", 2, Severity.LOW, EventStatus.OPEN));
		Map<String, Instant> earlier = tally.drainGained();
		// then
		assertThat(later).isEmpty();
		assertThat(earlier).containsExactly(Map.entry("Shop API", T0.plus(Duration.ofMinutes(2))));
		assertThat(tally.cisInOrder()).containsExactly("Shop API", "orders-db");
	}

	@Test
	void allResolvedOnlyWhenEveryEventIs() {
		IncidentTally tally = new IncidentTally(this.distances);
		tally.add(part("orders-db", 0, Severity.HIGH, EventStatus.RESOLVED));
		assertThat(tally.allResolved()).isTrue();
		tally.add(part("Shop API", 1, Severity.HIGH, EventStatus.ACKNOWLEDGED));
		assertThat(tally.allResolved()).isFalse();
	}

	@Test
	void alertingKeepsTheFirstAndTheWorstAlertOfEachCi() {
		IncidentTally tally = new IncidentTally(this.distances);
		tally.add(part("orders-db", 4, Severity.HIGH, EventStatus.OPEN));
		tally.add(part("orders-db", 6, Severity.CRITICAL, EventStatus.OPEN));
		tally.add(part("orders-db", 1, Severity.MEDIUM, EventStatus.OPEN));
		tally.add(part("orders-db", 8, Severity.CRITICAL, EventStatus.OPEN));
		IncidentTally.Alerting alerting = tally.alerting().get("orders-db");
		assertThat(alerting.first()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
		assertThat(alerting.firstTitle()).isEqualTo("orders-db at minute 1");
		assertThat(alerting.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(alerting.worstTitle()).isEqualTo("orders-db at minute 6");
		assertThat(tally.worst()).isEqualTo(Severity.CRITICAL);
		assertThat(tally.events()).isEqualTo(4);
	}

	private static List<IncidentDigest.Part> randomParts(Random random, int count) {
		List<IncidentDigest.Part> parts = new ArrayList<>();
		Severity[] severities = Severity.values();
		for (int i = 0; i < count; i++) {
			// distinct minutes keep "the first" unambiguous, as event times in an incident practically are
			int minute = i * 3 + random.nextInt(3);
			String ci = CIS.get(random.nextInt(CIS.size()));
			EventStatus status = random.nextInt(4) == 0 ? EventStatus.RESOLVED : EventStatus.OPEN;
			parts.add(part(ci, minute, severities[random.nextInt(severities.length)], status));
		}
		return parts;
	}

	private static IncidentDigest.Part part(String ci, int minute, Severity severity, EventStatus status) {
		return new IncidentDigest.Part(List.of(ci), T0.plus(Duration.ofMinutes(minute)), severity, status,
				ci + " at minute " + minute);
	}

}
