package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.ConflictException;
import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The correlator at work on a real database: events reported through the module's interface are placed
 * into incidents in the background, with the root cause ranked; people's corrections stick and are kept as
 * labelled pairs.
 */
@CoreIntegrationTest
class CorrelatorIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@Autowired
	Events events;

	@Autowired
	Incidents incidents;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	RelationshipManagement relationships;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsWhenADatabaseFailsBecomeOneIncidentWithTheDatabaseAsRootCause() {
		// given
		Map<String, String> ci = shop("CORR-A");
		Instant t0 = Instant.parse("2026-10-05T09:00:00Z");
		// when: the API alerts before the database it depends on, and an unrelated box alerts meanwhile
		String api = report("HTTP 5xx rate above 5% on CORR-A API", "CORR-A API", t0.plusSeconds(60), "high");
		String db = report("Connection pool exhausted on corr-a-db", "corr-a-db", t0.plusSeconds(150), "critical");
		String noise = report("Disk space low on CORR-A-NOISE", "CORR-A-NOISE", t0.plusSeconds(160), "medium");
		String service = report("Database connection errors in CORR-A Orders", "CORR-A Orders", t0.plusSeconds(240),
				"high");
		Map<String, Event> placed = placed(api, db, noise, service);
		// then
		String incident = placed.get(db).incidentId();
		assertThat(placed.get(api).incidentId()).isEqualTo(incident);
		assertThat(placed.get(service).incidentId()).isEqualTo(incident);
		assertThat(placed.get(noise).incidentId()).isNotEqualTo(incident);
		IncidentDetail detail = this.incidents.get(incident);
		assertThat(detail.incident().eventCount()).isEqualTo(3);
		assertThat(detail.incident().severity()).isEqualTo(Severity.CRITICAL);
		assertThat(detail.incident().startedAt()).isEqualTo(t0.plusSeconds(60));
		assertThat(detail.rootCauseCandidates().get(0).ciId()).isEqualTo(ci.get("corr-a-db"));
		assertThat(detail.incident().title()).isEqualTo("Connection pool exhausted on corr-a-db (3 events)");
		assertThat(detail.timeline()).extracting(IncidentDetail.TimelineEntry::eventId).containsExactly(api, db, service);
		EventCorrelations correlations = this.events.correlations(db);
		assertThat(correlations.suggestedRootCause().ciId()).isEqualTo(ci.get("corr-a-db"));
		assertThat(correlations.correlated()).extracting(CorrelatedEvent::id).containsExactly(service, api);
		assertThat(correlations.correlated().get(0).reason())
			.isEqualTo("corr-a-db is depended on by CORR-A Orders, which alerted 2 min later");
		assertThat(correlations.correlated().get(0).type()).isEqualTo(CorrelationType.TOPOLOGICAL);
	}

	@Test
	void resolvedIncidentWhenItsCauseAlertsAgainTakesNothingNew() {
		// given
		shop("CORR-B");
		Instant t0 = Instant.parse("2026-10-06T09:00:00Z");
		String db = report("Replication lag high on corr-b-db", "corr-b-db", t0, "high");
		String service = report("Latency SLO burn on CORR-B Orders", "CORR-B Orders", t0.plusSeconds(60), "high");
		String incident = placed(db, service).get(db).incidentId();
		// when
		IncidentDetail resolved = this.incidents.changeStatus(incident, IncidentStatus.RESOLVED, "failed over",
				"oncall");
		String again = report("Latency SLO burn on CORR-B API", "CORR-B API", t0.plusSeconds(120), "high");
		// then
		assertThat(resolved.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(resolved.events()).extracting(Event::status).containsOnly(EventStatus.RESOLVED);
		assertThat(placed(again).get(again).incidentId()).isNotEqualTo(incident);
		assertThat(this.incidents.get(incident).incident().eventCount()).isEqualTo(2);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(
				() -> this.incidents.changeStatus(incident, IncidentStatus.ACKNOWLEDGED, null, "oncall"));
	}

	@Test
	void resolvingTheLastOpenEventResolvesTheIncident() {
		// given
		shop("CORR-C");
		Instant t0 = Instant.parse("2026-10-07T09:00:00Z");
		String db = report("Replication lag high on corr-c-db", "corr-c-db", t0, "high");
		String service = report("Latency SLO burn on CORR-C Orders", "CORR-C Orders", t0.plusSeconds(60), "high");
		String incident = placed(db, service).get(db).incidentId();
		// when
		this.events.changeStatus(db, EventStatus.RESOLVED, "", "oncall");
		IncidentStatus afterFirst = this.incidents.get(incident).incident().status();
		this.events.changeStatus(service, EventStatus.RESOLVED, "", "oncall");
		// then
		assertThat(afterFirst).isEqualTo(IncidentStatus.OPEN);
		Incident after = this.incidents.get(incident).incident();
		assertThat(after.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(after.resolvedAt()).isNotNull();
	}

	@Test
	void mergeAndMoveWhenPeopleCorrectTheGroupingStickAndAreKeptAsLabels() {
		// given: two incidents the correlator kept apart
		shop("CORR-D");
		Instant t0 = Instant.parse("2026-10-08T09:00:00Z");
		String db = report("Replication lag high on corr-d-db", "corr-d-db", t0, "high");
		String noise = report("Disk space low on CORR-D-NOISE", "CORR-D-NOISE", t0.plusSeconds(30), "medium");
		Map<String, Event> placed = placed(db, noise);
		String main = placed.get(db).incidentId();
		String other = placed.get(noise).incidentId();
		assertThat(other).isNotEqualTo(main);
		long labelsBefore = labels();
		// when
		IncidentDetail merged = this.incidents.merge(main, List.of(other), "oncall");
		// then
		assertThat(merged.events()).extracting(Event::id).containsExactlyInAnyOrder(db, noise);
		assertThat(merged.incident().manuallyGrouped()).isTrue();
		assertThat(this.incidents.get(other).incident().status()).isEqualTo(IncidentStatus.MERGED);
		assertThat(labels()).isEqualTo(labelsBefore + 1);
		// and when the noise is moved out again to an incident of its own
		IncidentDetail split = this.incidents.moveEvent(noise, null, "oncall");
		assertThat(split.incident().id()).isNotIn(main, other);
		assertThat(split.events()).extracting(Event::id).containsExactly(noise);
		assertThat(this.incidents.get(main).events()).extracting(Event::id).containsExactly(db);
		assertThat(labels()).isEqualTo(labelsBefore + 2);
		assertThat(this.incidents.get(main).timeline()).extracting(IncidentDetail.TimelineEntry::kind)
			.contains("merged", "event_moved_out");
		// and a new event the correlator places stays out of the pinned one's way
		String later = report("Replication lag high on corr-d-db", "corr-d-db", t0.plusSeconds(90), "high");
		assertThat(placed(later).get(later).incidentId()).isEqualTo(main);
		assertThat(this.events.get(noise).incidentId()).isEqualTo(split.incident().id());
	}

	private Map<String, String> shop(String prefix) {
		Map<String, String> ids = new LinkedHashMap<>();
		String lower = prefix.toLowerCase();
		ids.put(prefix + "-HOST", ci(prefix + "-HOST", "server"));
		ids.put(prefix + "-DB-VM", ci(prefix + "-DB-VM", "server"));
		ids.put(lower + "-db", ci(lower + "-db", "database"));
		ids.put(prefix + " Orders", ci(prefix + " Orders", "application"));
		ids.put(prefix + " API", ci(prefix + " API", "application"));
		ids.put(prefix + "-NOISE", ci(prefix + "-NOISE", "server"));
		link(ids.get(prefix + "-DB-VM"), "runs_on", ids.get(prefix + "-HOST"));
		link(ids.get(lower + "-db"), "runs_on", ids.get(prefix + "-DB-VM"));
		link(ids.get(prefix + " Orders"), "depends_on", ids.get(lower + "-db"));
		link(ids.get(prefix + " API"), "depends_on", ids.get(prefix + " Orders"));
		return ids;
	}

	private String ci(String name, String type) {
		return this.cmdb.create(new NewConfigurationItem(name, type, null, null, Map.of(), Map.of()), "tester").id();
	}

	private void link(String source, String type, String target) {
		this.relationships.create(new NewRelationship(type, source, target, null, null, null), "tester");
	}

	private String report(String title, String ci, Instant at, String severity) {
		return this.events.submit(new NewEvent(title, null, severity, null, "test", null, null, List.of(ci), null, null,
				null, at), "tester").event().id();
	}

	private Map<String, Event> placed(String... ids) {
		Map<String, Event> placed = new LinkedHashMap<>();
		await().atMost(PATIENCE).until(() -> {
			placed.clear();
			for (String id : ids) {
				placed.put(id, this.events.get(id));
			}
			return placed.values().stream().allMatch((e) -> e.incidentId() != null);
		});
		return placed;
	}

	private long labels() {
		return this.jdbc.sql("SELECT count(DISTINCT reason) FROM correlation_label").query(Long.class).single();
	}

}
