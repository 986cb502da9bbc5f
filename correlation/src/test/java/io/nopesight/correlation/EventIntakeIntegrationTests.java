package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.ConflictException;
import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@CoreIntegrationTest
class EventIntakeIntegrationTests {

	@Autowired
	Events events;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Test
	void submitWhenTheSameSourceIdArrivesWhileOpenCountsItOnTheFirst() {
		// given
		ConfigurationItem ci = ci("INTAKE-WEB-01");
		EventIntake first = this.events.submit(event("HighCPU on INTAKE-WEB-01", "nagios", "n-1", ci.id(),
				Instant.parse("2026-10-01T10:00:00Z")), "tester");
		// when
		EventIntake second = this.events.submit(event("HighCPU on INTAKE-WEB-01 (still)", "nagios", "n-1", ci.id(),
				Instant.parse("2026-10-01T10:05:00Z")), "tester");
		// then
		assertThat(first.duplicate()).isFalse();
		assertThat(second.duplicate()).isTrue();
		assertThat(second.matchedOn()).isEqualTo("source_id");
		assertThat(second.event().id()).isEqualTo(first.event().id());
		assertThat(second.event().count()).isEqualTo(2);
		assertThat(second.event().lastSeen()).isEqualTo(Instant.parse("2026-10-01T10:05:00Z"));
	}

	@Test
	void submitWhenAnEventWithoutSourceIdRepeatsCountsItByFingerprintNumbersAside() {
		// given
		ConfigurationItem ci = ci("INTAKE-DB-01");
		EventIntake first = this.events.submit(event("Disk 91% full on INTAKE-DB-01", "zabbix", null, ci.name(), null),
				"tester");
		// when
		EventIntake second = this.events.submit(event("Disk 97% full on INTAKE-DB-01", "zabbix", null, ci.name(), null),
				"tester");
		EventIntake otherSource = this.events
			.submit(event("Disk 97% full on INTAKE-DB-01", "prometheus", null, ci.name(), null), "tester");
		// then
		assertThat(first.event().affectedCis()).containsExactly(ci.id());
		assertThat(second.duplicate()).isTrue();
		assertThat(second.matchedOn()).isEqualTo("fingerprint");
		assertThat(otherSource.duplicate()).isFalse();
	}

	@Test
	void submitWhenTheEarlierEventWasResolvedStoresANewOne() {
		// given
		ConfigurationItem ci = ci("INTAKE-APP-01");
		EventIntake first = this.events.submit(event("Service down on INTAKE-APP-01", "app", "a-7", ci.id(), null),
				"tester");
		this.events.changeStatus(first.event().id(), EventStatus.RESOLVED, "restarted", "tester");
		// when
		EventIntake again = this.events.submit(event("Service down on INTAKE-APP-01", "app", "a-7", ci.id(), null),
				"tester");
		// then
		assertThat(again.duplicate()).isFalse();
		assertThat(again.event().id()).isNotEqualTo(first.event().id());
		assertThat(this.events.get(first.event().id()).status()).isEqualTo(EventStatus.RESOLVED);
	}

	@Test
	void submitWhenAFingerprintIsGivenDeduplicatesOnIt() {
		// when
		EventIntake first = this.events.submit(withFingerprint("a", "fp-intake-1"), "tester");
		EventIntake second = this.events.submit(withFingerprint("b", "fp-intake-1"), "tester");
		// then
		assertThat(second.duplicate()).isTrue();
		assertThat(second.event().id()).isEqualTo(first.event().id());
		assertThat(first.event().fingerprint()).isEqualTo("fp-intake-1");
	}

	@Test
	void submitWhenFieldsAreWrongNamesEachAndStoresNothing() {
		// given
		long before = this.jdbc.sql("SELECT count(*) FROM event").query(Long.class).single();
		NewEvent bad = new NewEvent(" ", null, "urgent", "closed", null, null, null, List.of("NO-SUCH-CI-ANYWHERE"),
				null, null, null, Instant.now().plusSeconds(86_400));
		// when / then
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.events.submit(bad, "tester"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("title", "source", "severity", "status", "created_at", "affected_cis[0]"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM event").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void submitWritesEventCreatedInTheSameTransaction() {
		// when
		EventIntake intake = this.events.submit(withFingerprint("outbox", "fp-intake-outbox"), "tester");
		// then
		assertThat(this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id")
			.param("id", intake.event().id())
			.query(String.class)
			.list()).contains("event.created");
		assertThat(this.events.history(intake.event().id())).singleElement()
			.satisfies((change) -> assertThat(change.to()).isEqualTo(EventStatus.OPEN));
	}

	@Test
	void changeStatusWhenTheMoveIsNotAllowedSaysWhyAndKeepsTheHistory() {
		// given
		EventIntake intake = this.events.submit(withFingerprint("status", "fp-intake-status"), "tester");
		String id = intake.event().id();
		// when
		this.events.changeStatus(id, EventStatus.ACKNOWLEDGED, "looking", "alice");
		this.events.changeStatus(id, EventStatus.RESOLVED, "fixed", "bob");
		// then
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.events.changeStatus(id, EventStatus.OPEN, "", "carol"))
			.withMessageContaining("resolved, which is final");
		assertThat(this.events.history(id)).extracting(EventStatusChange::to, EventStatusChange::actor,
				EventStatusChange::comment)
			.containsExactly(tuple(EventStatus.OPEN, "tester", null),
					tuple(EventStatus.ACKNOWLEDGED, "alice", "looking"),
					tuple(EventStatus.RESOLVED, "bob", "fixed"));
	}

	@Test
	void submitAllWhenTheBatchRepeatsAnEventCountsItOnceAndNamesWrongEventsByPosition() {
		// given
		ConfigurationItem ci = ci("INTAKE-BATCH-01");
		NewEvent first = event("Disk full on INTAKE-BATCH-01", "batch", "b-1", ci.id(), null);
		NewEvent other = event("Service down on INTAKE-BATCH-01", "batch", "b-2", ci.id(), null);
		// when
		List<EventIntake> intakes = this.events.submitAll(List.of(first, other, first), "tester");
		// then
		assertThat(intakes).extracting(EventIntake::duplicate).containsExactly(false, false, true);
		assertThat(intakes.get(2).event().id()).isEqualTo(intakes.get(0).event().id());
		assertThat(this.events.get(intakes.get(0).event().id()).count()).isEqualTo(2);
		assertThat(this.events.history(intakes.get(1).event().id())).hasSize(1);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.events.submitAll(List.of(other,
					new NewEvent("x", null, "bad", null, "batch", null, null, null, null, null, null, null)), "tester"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("[1].severity"));
	}

	private ConfigurationItem ci(String name) {
		return this.cmdb.create(new NewConfigurationItem(name, "server", null, null, Map.of(), Map.of()), "tester");
	}

	private static NewEvent event(String title, String source, String sourceId, String ci, Instant at) {
		return new NewEvent(title, null, "high", null, source, sourceId, null, List.of(ci), Map.of("value", 1), null,
				null, at);
	}

	private static NewEvent withFingerprint(String title, String fingerprint) {
		return new NewEvent(title, null, "low", null, "test", null, fingerprint, List.of(), null, null, null, null);
	}

}
