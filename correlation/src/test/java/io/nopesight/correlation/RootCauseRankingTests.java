package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.correlation.RootCauseRanking.Member;

import static org.assertj.core.api.Assertions.assertThat;

class RootCauseRankingTests {

	private static final Instant T0 = Instant.parse("2026-10-04T17:45:00Z");

	private final RootCauseRanking ranking = new RootCauseRanking(new TopologyDistances(Estates.shop(), 6));

	@Test
	void rankWhenTheDatabaseAlertsAfterItsDependentsStillPutsItFirst() {
		// given: the API alerts first; the database, upstream of everything that alerted, a few minutes later
		List<Member> members = List.of(member("Shop API", 0, Severity.HIGH, "HTTP 5xx rate above 5% on Shop API"),
				member("Order Service", 1, Severity.HIGH, "Database connection errors in Order Service"),
				member("orders-db", 3, Severity.CRITICAL, "Database connection pool exhausted on orders-db"),
				member("Shop Web", 5, Severity.HIGH, "Latency SLO burn on Shop Web"));
		// when
		List<RootCauseCandidate> candidates = this.ranking.rank(members);
		// then
		RootCauseCandidate top = candidates.get(0);
		assertThat(top.ciId()).isEqualTo("orders-db");
		assertThat(top.confidence()).isGreaterThan(candidates.get(1).confidence());
		assertThat(top.reaches()).isEqualTo(4);
		assertThat(top.alertingCis()).isEqualTo(4);
		assertThat(top.path()).containsExactly("orders-db", "Order Service", "Shop API", "Shop Web");
		assertThat(top.minutesAfterStart()).isEqualTo(3.0);
		assertThat(top.explanation()).startsWith("orders-db is upstream of every alerting CI (4 of 4 events)")
			.contains("alerted 3 min after the first alert");
		assertThat(candidates).extracting(RootCauseCandidate::confidence)
			.allSatisfy((c) -> assertThat(c).isBetween(0.0, 1.0));
	}

	@Test
	void rankWhenTheCauseDidNotAlertNamesTheCommonUpstreamCi() {
		// given: every VM of the second hypervisor alerts; the hypervisor itself is not monitored
		List<Member> members = List.of(member("APP-VM-2", 0, Severity.HIGH, "Host unreachable: APP-VM-2"),
				member("WEB-VM", 1, Severity.HIGH, "Host unreachable: WEB-VM"),
				member("MAIL-VM", 1, Severity.HIGH, "Host unreachable: MAIL-VM"));
		// when
		RootCauseCandidate top = this.ranking.rank(members).get(0);
		// then
		assertThat(top.ciId()).isEqualTo("HOST-2");
		assertThat(top.firstAlertAt()).isNull();
		assertThat(top.explanation()).contains("did not alert itself");
	}

	@Test
	void rankWhenUnrelatedNoiseJoinedDoesNotLetItLead() {
		// given
		List<Member> members = List.of(member("NOISE-BOX", 0, Severity.CRITICAL, "Disk full on NOISE-BOX"),
				member("orders-db", 1, Severity.HIGH, "Replication lag high on orders-db"),
				member("Order Service", 2, Severity.HIGH, "Latency SLO burn on Order Service"),
				member("Shop API", 3, Severity.HIGH, "HTTP 5xx rate above 5% on Shop API"));
		// when
		RootCauseCandidate top = this.ranking.rank(members).get(0);
		// then
		assertThat(top.ciId()).isEqualTo("orders-db");
	}

	private static Member member(String ci, int minute, Severity severity, String title) {
		return new Member(List.of(ci), T0.plus(Duration.ofMinutes(minute)), severity, title);
	}

}
