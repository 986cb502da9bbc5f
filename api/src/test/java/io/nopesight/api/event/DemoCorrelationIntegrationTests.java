package io.nopesight.api.event;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo switch brings the demo estate's 4 481 events in, and the correlator folds them into incidents: the
 * published incidents (their events by source id, and their root CI) come out as one incident each, with the
 * right root cause first, scored as the benchmark scores them.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "nopesight.demo=true")
class DemoCorrelationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void demoWhenLoadedGroupsEachPublishedIncidentAndNamesItsRoot() throws Exception {
		// given
		ApiClient api = ApiClient.admin(this.port);
		await().atMost(Duration.ofMinutes(5)).until(() -> total(api, "/v1/events?limit=1") == 4481);
		await().atMost(Duration.ofMinutes(5)).until(() -> placedCount(api) == 4481);
		Map<String, String> incidentBySourceId = new HashMap<>();
		for (int page = 1; page <= 45; page++) {
			api.get("/v1/events?limit=100&page=" + page).json().get("data").forEach(
					(event) -> incidentBySourceId.put(event.get("source_id").asString(), event.get("incident_id").asString()));
		}
		JsonNode truth = JSON.readTree(getClass().getResourceAsStream("/demo/incidents-dev.json")).get("incidents");
		// when
		CorrelationScore score = CorrelationScore.of(truth, incidentBySourceId,
				(incident) -> api.get("/v1/incidents/" + incident).json().at("/root_cause/ci_name").asString());
		// then
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.9);
		assertThat(score.rootTop1()).as(score.toString()).isGreaterThanOrEqualTo(0.9);
		assertThat(api.get("/v1/events?status=open&limit=1").header("X-Total-Count")).isEqualTo("28");
	}

	private static long total(ApiClient api, String path) {
		return Long.parseLong(api.get(path).header("X-Total-Count"));
	}

	private static long placedCount(ApiClient api) {
		long placed = 0;
		for (int page = 1; page <= 45; page++) {
			for (JsonNode event : api.get("/v1/events?limit=100&page=" + page).json().get("data")) {
				placed += event.has("incident_id") ? 1 : 0;
			}
		}
		return placed;
	}

	/**
	 * Pairwise precision, recall and F1 of "same incident" over the truth's events, and the share of truth
	 * incidents whose incident (the one most of their events are in) names the true root CI first.
	 */
	record CorrelationScore(double precision, double recall, double f1, double rootTop1) {

		interface RootOf {

			String of(String incident);

		}

		static CorrelationScore of(JsonNode truth, Map<String, String> incidentBySourceId, RootOf roots) {
			Map<String, Integer> truthOf = new HashMap<>();
			truth.forEach((incident) -> incident.get("events")
				.forEach((e) -> truthOf.put(e.asString(), incident.get("incident").asInt())));
			List<String> ids = List.copyOf(truthOf.keySet());
			long tp = 0;
			long fp = 0;
			long fn = 0;
			for (int a = 0; a < ids.size(); a++) {
				for (int b = a + 1; b < ids.size(); b++) {
					boolean same = truthOf.get(ids.get(a)).equals(truthOf.get(ids.get(b)));
					boolean together = incidentBySourceId.get(ids.get(a)).equals(incidentBySourceId.get(ids.get(b)));
					tp += (same && together) ? 1 : 0;
					fp += (!same && together) ? 1 : 0;
					fn += (same && !together) ? 1 : 0;
				}
			}
			double precision = (tp + fp == 0) ? 0 : (double) tp / (tp + fp);
			double recall = (tp + fn == 0) ? 0 : (double) tp / (tp + fn);
			double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
			int right = 0;
			for (JsonNode incident : truth) {
				Map<String, Integer> votes = new HashMap<>();
				incident.get("events").forEach((e) -> votes.merge(incidentBySourceId.get(e.asString()), 1, Integer::sum));
				String mostly = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
				right += roots.of(mostly).equals(incident.get("root_ci").asString()) ? 1 : 0;
			}
			return new CorrelationScore(precision, recall, f1, (double) right / truth.size());
		}

	}

}
