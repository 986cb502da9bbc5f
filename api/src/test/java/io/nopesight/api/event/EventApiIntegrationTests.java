package io.nopesight.api.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events and incidents over HTTP, as a monitoring tool and an operator use them: intake and de-duplication,
 * lists, status changes, a failure that cascades through the topology becoming one incident with its root
 * cause (and an unrelated alert at the same moment staying out), correlations as the reference shows them,
 * and the corrections people make.
 */
@ApiIntegrationTest
class EventApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void createWhenNewAnswers201AndWhenADuplicateOfAnOpenEvent200SayingSo() {
		// given
		String ci = ci("EVAPI-WEB-01", "server");
		Map<String, Object> event = event("High CPU Usage on EVAPI-WEB-01", "high", "prometheus", "alert_evapi_1",
				List.of("EVAPI-WEB-01"));
		event.put("metrics", Map.of("cpu_usage", 92.5, "duration_minutes", 15));
		// when
		Response created = this.api.post("/v1/events", event);
		Response duplicate = this.api.post("/v1/events", event);
		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/v1/events/" + created.json().get("id").asString());
		JsonNode body = created.json();
		assertThat(body.get("id").asString()).startsWith("evt_");
		assertThat(body.get("status").asString()).isEqualTo("open");
		assertThat(body.get("affected_cis").get(0).asString()).isEqualTo(ci);
		assertThat(body.get("metrics").get("cpu_usage").asDouble()).isEqualTo(92.5);
		assertThat(body.get("deduplicated").asBoolean()).isFalse();
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.json().get("id").asString()).isEqualTo(body.get("id").asString());
		assertThat(duplicate.json().get("deduplicated").asBoolean()).isTrue();
		assertThat(duplicate.json().get("matched_on").asString()).isEqualTo("source_id");
		assertThat(duplicate.json().get("count").asInt()).isEqualTo(2);
	}

	@Test
	void batchWhenSentTakesEveryEventInOrderAndWhenOneIsWrongNone() {
		// given
		ci("EVAPI-BATCH-01", "server");
		List<Map<String, Object>> batch = List.of(
				event("Disk full on EVAPI-BATCH-01", "high", "evapi-batch", "b1", List.of("EVAPI-BATCH-01")),
				event("Service down on EVAPI-BATCH-01", "critical", "evapi-batch", "b2", List.of("EVAPI-BATCH-01")),
				event("Disk full on EVAPI-BATCH-01", "high", "evapi-batch", "b1", List.of("EVAPI-BATCH-01")));
		// when
		Response taken = this.api.post("/v1/events/batch", batch);
		Response refused = this.api.post("/v1/events/batch", List.of(
				event("Fine", "low", "evapi-batch", "b3", List.of()), event("Bad", "urgent", "evapi-batch", "b4", List.of())));
		// then
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(taken.json().get("created").asInt()).isEqualTo(2);
		assertThat(taken.json().get("deduplicated").asInt()).isEqualTo(1);
		assertThat(taken.json().at("/data/2/id").asString()).isEqualTo(taken.json().at("/data/0/id").asString());
		assertThat(taken.json().at("/data/2/matched_on").asString()).isEqualTo("source_id");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().at("/error/details/0/field").asString()).isEqualTo("[1].severity");
		assertThat(total("/v1/events?source=evapi-batch")).isEqualTo(2);
	}

	@Test
	void createWhenFieldsAreWrongAnswers400NamingEachAndStoresNothing() {
		// given
		long before = total("/v1/events?source=evapi-bad");
		// when
		Response bad = this.api.post("/v1/events", Map.of("title", "x", "severity", "urgent", "source", "evapi-bad",
				"affected_cis", List.of("NO-SUCH-CI-EVAPI"), "created_at", "yesterday"));
		// then
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		List<String> fields = new ArrayList<>();
		bad.json().at("/error/details").forEach((d) -> fields.add(d.get("field").asString()));
		assertThat(fields).contains("created_at");
		Response bad2 = this.api.post("/v1/events", Map.of("title", "x", "severity", "urgent", "source", "evapi-bad",
				"affected_cis", List.of("NO-SUCH-CI-EVAPI")));
		List<String> fields2 = new ArrayList<>();
		bad2.json().at("/error/details").forEach((d) -> fields2.add(d.get("field").asString()));
		assertThat(fields2).containsExactlyInAnyOrder("severity", "affected_cis[0]");
		assertThat(total("/v1/events?source=evapi-bad")).isEqualTo(before);
	}

	@Test
	void listWhenFilteredAndSortedAnswersThePageWithItsHeaders() {
		// given
		String ci = ci("EVAPI-LIST-01", "server");
		post(event("Disk full on EVAPI-LIST-01", "critical", "evapi-list", "l1", List.of(ci), "2026-09-01T10:00:00Z"));
		post(event("Memory usage high on EVAPI-LIST-01", "low", "evapi-list", "l2", List.of(ci), "2026-09-01T11:00:00Z"));
		String resolved = post(event("Service restart on EVAPI-LIST-01", "medium", "evapi-list", "l3", List.of(ci),
				"2026-09-01T12:00:00Z"));
		this.api.send("PATCH", "/v1/events/" + resolved + "/status", Map.of("Content-Type", "application/json"),
				"{\"status\":\"resolved\",\"comment\":\"done\"}".getBytes());
		// when
		Response bySeverity = this.api.get("/v1/events?source=evapi-list&sort=severity&order=desc&limit=2");
		Response open = this.api.get("/v1/events?source=evapi-list&status=open&ci_id=" + ci);
		Response window = this.api.get("/v1/events?source=evapi-list&from=2026-09-01T10:30:00Z&to=2026-09-01T12:00:00Z");
		Response search = this.api.get("/v1/events?source=evapi-list&search=memory");
		Response badSort = this.api.get("/v1/events?sort=colour");
		// then
		assertThat(bySeverity.header("X-Total-Count")).isEqualTo("3");
		assertThat(bySeverity.header("X-Total-Pages")).isEqualTo("2");
		assertThat(titles(bySeverity)).containsExactly("Disk full on EVAPI-LIST-01", "Service restart on EVAPI-LIST-01");
		assertThat(titles(open)).containsExactly("Memory usage high on EVAPI-LIST-01", "Disk full on EVAPI-LIST-01");
		assertThat(titles(window)).containsExactly("Memory usage high on EVAPI-LIST-01");
		assertThat(titles(search)).containsExactly("Memory usage high on EVAPI-LIST-01");
		assertThat(badSort.status()).isEqualTo(400);
	}

	@Test
	void statusWhenChangedIsKeptInTheHistoryAndAResolvedEventIsFinal() {
		// given
		String id = post(event("Certificate expiring on EVAPI-STATUS", "low", "evapi-status", "s1", List.of(), null));
		// when
		Response acknowledged = patch("/v1/events/" + id + "/status", "{\"status\":\"acknowledged\",\"comment\":\"Investigating the issue\"}");
		Response resolved = patch("/v1/events/" + id + "/status", "{\"status\":\"resolved\"}");
		Response again = patch("/v1/events/" + id + "/status", "{\"status\":\"open\"}");
		Response unknown = patch("/v1/events/" + id + "/status", "{\"status\":\"closed\"}");
		// then
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().at("/error/message").asString()).contains("resolved, which is final");
		assertThat(unknown.status()).isEqualTo(400);
		JsonNode history = this.api.get("/v1/events/" + id).json().get("status_history");
		assertThat(history.size()).isEqualTo(3);
		assertThat(history.get(1).get("to").asString()).isEqualTo("acknowledged");
		assertThat(history.get(1).get("comment").asString()).isEqualTo("Investigating the issue");
		assertThat(history.get(1).get("actor").asString()).isEqualTo("admin");
		assertThat(this.api.get("/v1/events/evt_nothing_here").status()).isEqualTo(404);
	}

	@Test
	void cascadeWhenADatabaseGoesDownBecomesOneIncidentAndTheUnrelatedAlertStaysOut() {
		// given: a host, its database VM and database, and the applications that depend on it; and a box that
		// has nothing to do with them
		Map<String, String> ci = shop("EVAPI-CASCADE");
		String t = "2026-09-10T08:";
		// when: the database goes down, its dependents alert over the next minutes, the unrelated box at once
		String db = post(event("Database down: evapi-cascade-db", "critical", "nagios", "c1",
				List.of(ci.get("db")), t + "00:00Z"));
		String noise = post(event("Disk space low on EVAPI-CASCADE-NOISE", "high", "zabbix", "c2",
				List.of(ci.get("noise")), t + "00:30Z"));
		String orders = post(event("Database connection errors in EVAPI-CASCADE Orders", "high", "application",
				"c3", List.of(ci.get("orders")), t + "02:10Z"));
		String portal = post(event("HTTP 5xx rate above 5% on EVAPI-CASCADE Portal", "high", "prometheus", "c4",
				List.of(ci.get("portal")), t + "05:40Z"));
		Map<String, String> incidentOf = placed(db, noise, orders, portal);
		// then
		String incident = incidentOf.get(db);
		assertThat(incidentOf.get(orders)).isEqualTo(incident);
		assertThat(incidentOf.get(portal)).isEqualTo(incident);
		assertThat(incidentOf.get(noise)).isNotEqualTo(incident);
		JsonNode detail = this.api.get("/v1/incidents/" + incident).json();
		assertThat(detail.get("event_count").asInt()).isEqualTo(3);
		assertThat(detail.get("severity").asString()).isEqualTo("critical");
		assertThat(detail.at("/root_cause/ci_id").asString()).isEqualTo(ci.get("db"));
		JsonNode top = detail.get("root_cause_candidates").get(0);
		assertThat(top.get("ci_name").asString()).isEqualTo("evapi-cascade-db");
		assertThat(top.at("/evidence/reaches_alerting_cis").asInt()).isEqualTo(3);
		assertThat(top.at("/evidence/severity").asString()).isEqualTo("critical");
		assertThat(top.at("/evidence/topology_path").toString()).isEqualTo(
				"[\"evapi-cascade-db\",\"EVAPI-CASCADE Orders\",\"EVAPI-CASCADE Portal\"]");
		assertThat(detail.get("events").size()).isEqualTo(3);
		assertThat(detail.get("timeline").get(0).get("event_id").asString()).isEqualTo(db);
		assertThat(ids(this.api.get("/v1/incidents?ci_id=" + ci.get("portal")))).containsExactly(incident);
		JsonNode correlations = this.api.get("/v1/events/" + db + "/correlations").json();
		assertThat(correlations.get("primary_event").asString()).isEqualTo(db);
		JsonNode first = correlations.get("correlated_events").get(0);
		assertThat(first.get("id").asString()).isEqualTo(orders);
		assertThat(first.get("correlation_type").asString()).isEqualTo("topological");
		assertThat(first.get("correlation_score").asDouble()).isBetween(0.5, 1.0);
		assertThat(first.get("reason").asString())
			.isEqualTo("evapi-cascade-db is depended on by EVAPI-CASCADE Orders, which alerted 2 min later");
		assertThat(correlations.at("/suggested_root_cause/ci_id").asString()).isEqualTo(ci.get("db"));
		assertThat(correlations.at("/suggested_root_cause/confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(correlations.at("/suggested_root_cause/explanation").asString()).startsWith("evapi-cascade-db");
	}

	@Test
	void resolvedIncidentWhenItsCisAlertAgainTakesNoNewEvent() {
		// given
		Map<String, String> ci = shop("EVAPI-RESOLVED");
		String db = post(event("Replication lag high on evapi-resolved-db", "high", "prometheus", "r1",
				List.of(ci.get("db")), "2026-09-11T08:00:00Z"));
		String orders = post(event("Latency SLO burn on EVAPI-RESOLVED Orders", "high", "prometheus", "r2",
				List.of(ci.get("orders")), "2026-09-11T08:01:00Z"));
		String incident = placed(db, orders).get(db);
		// when
		Response resolved = patch("/v1/incidents/" + incident, "{\"status\":\"resolved\",\"comment\":\"failed over\"}");
		String again = post(event("Latency SLO burn on EVAPI-RESOLVED Portal", "high", "prometheus", "r3",
				List.of(ci.get("portal")), "2026-09-11T08:02:00Z"));
		// then
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
		assertThat(this.api.get("/v1/events/" + orders).json().get("status").asString()).isEqualTo("resolved");
		assertThat(placed(again).get(again)).isNotEqualTo(incident);
		assertThat(this.api.get("/v1/incidents/" + incident).json().get("event_count").asInt()).isEqualTo(2);
		assertThat(patch("/v1/incidents/" + incident, "{\"status\":\"acknowledged\"}").status()).isEqualTo(409);
	}

	@Test
	void mergeAndMoveWhenAnOperatorCorrectsTheGroupingAreAppliedAndShownInTheTimeline() {
		// given
		Map<String, String> ci = shop("EVAPI-MERGE");
		String db = post(event("Replication lag high on evapi-merge-db", "high", "prometheus", "m1",
				List.of(ci.get("db")), "2026-09-12T08:00:00Z"));
		String noise = post(event("Disk space low on EVAPI-MERGE-NOISE", "low", "zabbix", "m2",
				List.of(ci.get("noise")), "2026-09-12T08:00:30Z"));
		Map<String, String> incidentOf = placed(db, noise);
		String main = incidentOf.get(db);
		String other = incidentOf.get(noise);
		// when
		Response merged = this.api.post("/v1/incidents/" + main + "/merge", Map.of("incident_ids", List.of(other)));
		Response mergedAway = this.api.get("/v1/incidents/" + other);
		Response split = this.api.post("/v1/events/" + noise + "/incident", "{\"incident_id\": null}");
		Response back = this.api.post("/v1/incidents/" + main + "/events", Map.of("event_id", noise));
		// then
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("event_count").asInt()).isEqualTo(2);
		assertThat(merged.json().get("manually_grouped").asBoolean()).isTrue();
		assertThat(mergedAway.json().get("status").asString()).isEqualTo("merged");
		assertThat(mergedAway.json().get("merged_into").asString()).isEqualTo(main);
		assertThat(split.status()).as(split.body()).isEqualTo(200);
		assertThat(split.json().get("id").asString()).isNotIn(main, other);
		assertThat(back.json().get("id").asString()).isEqualTo(main);
		assertThat(back.json().get("event_count").asInt()).isEqualTo(2);
		List<String> kinds = new ArrayList<>();
		back.json().get("timeline").forEach((entry) -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).contains("event", "merged", "event_moved_out", "event_moved_in");
		assertThat(this.api.post("/v1/incidents/" + other + "/events", Map.of("event_id", db)).status())
			.isEqualTo(409);
	}

	@Test
	void scopesWhenTheTokenMayOnlyReadRefuseWrites() {
		// given
		String reader = this.api.post("/v1/auth/api-keys", Map.of("name", "evapi-reader", "scopes", List.of("events.read")))
			.json()
			.get("token")
			.asString();
		String cmdbOnly = this.api.post("/v1/auth/api-keys", Map.of("name", "evapi-cmdb", "scopes", List.of("cmdb.read")))
			.json()
			.get("token")
			.asString();
		// when / then
		assertThat(this.api.withToken(reader).get("/v1/events").status()).isEqualTo(200);
		assertThat(this.api.withToken(reader).get("/v1/incidents").status()).isEqualTo(200);
		assertThat(this.api.withToken(reader).post("/v1/events", event("x", "low", "evapi-scope", null, List.of(), null))
			.status()).isEqualTo(403);
		assertThat(this.api.withToken(cmdbOnly).get("/v1/events").status()).isEqualTo(403);
	}

	@Test
	void alertmanagerWhenAPayloadArrivesTakesItsAlertsAndWhenNotOneSaysWhy() throws IOException {
		// given
		byte[] payload;
		try (InputStream in = getClass().getResourceAsStream("/alertmanager/payload-13.json")) {
			payload = in.readAllBytes();
		}
		// when
		Response first = this.api.send("POST", "/v1/integrations/alertmanager",
				Map.of("Content-Type", "application/json"), payload);
		Response retry = this.api.send("POST", "/v1/integrations/alertmanager",
				Map.of("Content-Type", "application/json"), payload);
		Response wrong = this.api.send("POST", "/v1/integrations/alertmanager",
				Map.of("Content-Type", "application/json"), "{\"status\":\"firing\"}".getBytes());
		// then
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("alerts").asInt()).isEqualTo(2);
		assertThat(first.json().get("created").asInt()).isEqualTo(2);
		assertThat(retry.json().get("created").asInt()).isZero();
		assertThat(retry.json().get("duplicates").asInt()).isEqualTo(2);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().at("/error/details/0/field").asString()).isEqualTo("alerts");
	}

	private Map<String, String> shop(String prefix) {
		Map<String, String> ci = new LinkedHashMap<>();
		ci.put("host", ci(prefix + "-HOST", "server"));
		ci.put("vm", ci(prefix + "-DB-VM", "server"));
		ci.put("db", ci(prefix.toLowerCase() + "-db", "database"));
		ci.put("orders", ci(prefix + " Orders", "application"));
		ci.put("portal", ci(prefix + " Portal", "application"));
		ci.put("noise", ci(prefix + "-NOISE", "server"));
		link(ci.get("vm"), "runs_on", ci.get("host"));
		link(ci.get("db"), "runs_on", ci.get("vm"));
		link(ci.get("orders"), "depends_on", ci.get("db"));
		link(ci.get("portal"), "depends_on", ci.get("orders"));
		return ci;
	}

	private String ci(String name, String type) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", type));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void link(String source, String type, String target) {
		Response created = this.api.post("/v1/cmdb/relationships",
				Map.of("type", type, "source_ci", source, "target_ci", target));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private static Map<String, Object> event(String title, String severity, String source, String sourceId,
			List<String> cis) {
		return event(title, severity, source, sourceId, cis, null);
	}

	private static Map<String, Object> event(String title, String severity, String source, String sourceId,
			List<String> cis, String createdAt) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("title", title);
		event.put("severity", severity);
		event.put("source", source);
		if (sourceId != null) {
			event.put("source_id", sourceId);
		}
		event.put("affected_cis", cis);
		if (createdAt != null) {
			event.put("created_at", createdAt);
		}
		return event;
	}

	private String post(Map<String, Object> event) {
		Response created = this.api.post("/v1/events", event);
		assertThat(created.status()).as(created.body()).isIn(200, 201);
		return created.json().get("id").asString();
	}

	private Response patch(String path, String body) {
		return this.api.send("PATCH", path, Map.of("Content-Type", "application/json"), body.getBytes());
	}

	private Map<String, String> placed(String... events) {
		Map<String, String> incidentOf = new LinkedHashMap<>();
		await().atMost(PATIENCE).until(() -> {
			for (String id : events) {
				JsonNode event = this.api.get("/v1/events/" + id).json();
				if (!event.has("incident_id")) {
					return false;
				}
				incidentOf.put(id, event.get("incident_id").asString());
			}
			return true;
		});
		return incidentOf;
	}

	private long total(String path) {
		return Long.parseLong(this.api.get(path).header("X-Total-Count"));
	}

	private static List<String> titles(Response response) {
		List<String> titles = new ArrayList<>();
		response.json().get("data").forEach((e) -> titles.add(e.get("title").asString()));
		return titles;
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.json().get("data").forEach((e) -> ids.add(e.get("id").asString()));
		return ids;
	}

	static byte[] resource(String name) {
		try (InputStream in = EventApiIntegrationTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
