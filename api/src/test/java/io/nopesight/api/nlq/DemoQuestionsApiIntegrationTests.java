package io.nopesight.api.nlq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiTestProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published demo questions (`nlq-dev.jsonl`, a copy in the test resources) asked over HTTP on the demo
 * estate and graded as {@code ask-questions} grades them, with other wordings of them ({@code paraphrases.jsonl},
 * the same answers) and 2 386 other questions in the same semantics ({@code wordings.jsonl}): every one must be
 * answered, and right.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nopesight.demo=true")
class DemoQuestionsApiIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void everyQuestionIsAnsweredRight() throws IOException {
		ApiClient api = ApiClient.admin(this.port);
		String asOf = endOfDemoData(api).toString();
		List<String> wrong = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		int right = 0;
		List<JsonNode> questions = questions("/nlq/nlq-dev.jsonl");
		// other wordings of the same questions, with the same answers: the meaning is read, not the sentence
		questions.addAll(questions("/nlq/paraphrases.jsonl"));
		// other questions in the same semantics, written blind to the reader's rules, answers worked out from the
		// demo files: other values, combinations and ways of asking
		questions.addAll(questions("/nlq/wordings.jsonl"));
		for (JsonNode question : questions) {
			String query = question.get("query").asString();
			Response response = api.post("/v1/reports/ai/query",
					Map.of("query", query, "context", Map.of("time_zone", "UTC", "as_of", asOf)));
			if (response.status() == 422) {
				assertThat(response.json().at("/error/code").asString()).isEqualTo("QUERY_NOT_UNDERSTOOD");
				assertThat(response.json().at("/error/details")).isNotEmpty();
				refused.add(question.get("id").asString() + " " + question.get("kind").asString());
				continue;
			}
			assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
			if (correct(question.get("kind").asString(), question.get("expected"), response.json())) {
				right++;
			}
			else {
				wrong.add(query + " -> " + response.json().get("results"));
			}
		}
		assertThat(wrong).as("answered wrongly").isEmpty();
		assertThat(refused).as("refused").isEmpty();
		assertThat(right).isEqualTo(questions.size());
	}

	@Test
	void aQuestionAboutRunningOutIsAnsweredFromTheForecastsWithTheirIntervalAndTheAgentsAdvice() {
		ApiClient api = ApiClient.admin(this.port);
		Instant asOf = endOfDemoData(api);
		Response answer = api.post("/v1/reports/ai/query", Map.of("query",
				"which servers will run out of disk in the next 30 days", "context",
				Map.of("as_of", asOf.toString(), "include_predictions", true)));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode rows = answer.json().get("results");
		List<Instant> dates = new ArrayList<>();
		rows.forEach((row) -> {
			Instant expected = Instant.parse(row.get("projected_exhaustion").asString());
			assertThat(expected).isBetween(asOf, asOf.plus(Duration.ofDays(30)));
			assertThat(Instant.parse(row.at("/exhaustion_interval/earliest").asString())).isBeforeOrEqualTo(expected);
			dates.add(expected);
		});
		assertThat(dates).isNotEmpty().isSorted();
		// the same servers the fleet forecast finds reaching 100% within 30 days
		JsonNode fleet = api.post("/v1/forecasts", Map.of("ci_type", "server", "metric", "disk_usage", "horizon", "30d",
				"as_of", asOf.toString())).json().get("data");
		Set<String> crossing = new HashSet<>();
		fleet.forEach((f) -> {
			if (f.hasNonNull("projected_exhaustion")
					&& !Instant.parse(f.get("projected_exhaustion").asString()).isAfter(asOf.plus(Duration.ofDays(30)))) {
				crossing.add(f.get("ci_name").asString());
			}
		});
		assertThat(names(rows)).isEqualTo(crossing);
		JsonNode advice = answer.json().get("recommendations");
		assertThat(advice).isNotEmpty();
		advice.forEach((r) -> {
			assertThat(r.get("action").asString()).containsAnyOf(crossing.toArray(String[]::new));
			assertThat(r.get("confidence").asDouble()).isBetween(0.0, 1.0);
		});
	}

	@Test
	void aMetricAnswerTellsHowLongEachWasOverTheLineAndWhenInTheAnalystsTimeZone() {
		ApiClient api = ApiClient.admin(this.port);
		Response answer = api.post("/v1/reports/ai/query", Map.of("query", "servers with high CPU usage in the last week",
				"context", Map.of("as_of", endOfDemoData(api).toString(), "time_zone", "America/New_York")));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		answer.json().get("results").forEach((row) -> assertThat(row.get("duration_above_threshold").asString())
			.matches("\\d+(h \\d+m|d \\d+h)"));
		assertThat(answer.json().at("/interpretation/entities").toString()).isEqualTo("[\"servers\",\"cpu_usage\"]");
		assertThat(answer.json().at("/interpretation/time_range").asString()).isEqualTo("last_7_days");
		assertThat(strings(answer.json().get("insights"))).anySatisfy((insight) -> assertThat(insight)
			.contains("business hours").contains("America/New_York"));
		Response badZone = api.post("/v1/reports/ai/query", Map.of("query", "servers with high CPU usage in the last week",
				"context", Map.of("time_zone", "Mars/Olympus_Mons")));
		assertThat(badZone.status()).isEqualTo(400);
		assertThat(badZone.json().at("/error/details/0/field").asString()).isEqualTo("context.time_zone");
	}

	/**
	 * Where the demo's data ends: the published answers are as of 2026-11-01, the end of the recorded data, and
	 * the demo switch moves the estate forward by whole days to end today, so the same instant is the hour after
	 * the last sample.
	 */
	private static Instant endOfDemoData(ApiClient api) {
		String id = api.get("/v1/cmdb/ci?search=PROD-WEB-01&limit=1").json().at("/data/0/id").asString();
		Instant now = Instant.now();
		JsonNode points = api.get("/v1/cmdb/ci/" + id + "/metrics?metric=cpu_usage&step=1h&from="
				+ now.minus(Duration.ofDays(3)) + "&to=" + now.plus(Duration.ofDays(1))).json().at("/series/0/points");
		return Instant.parse(points.get(points.size() - 1).get("timestamp").asString()).plus(Duration.ofHours(1));
	}

	private static boolean correct(String kind, JsonNode expected, JsonNode answer) {
		JsonNode rows = answer.get("results");
		return switch (kind) {
			case "list" -> names(rows).equals(new HashSet<>(strings(expected)));
			case "top" -> new ArrayList<>(orderedNames(rows)).equals(strings(expected));
			case "count" -> rows.size() == 1 && rows.get(0).has("count") && rows.get(0).get("count").asLong() == expected.asLong();
			case "aggregate" -> rows.size() == 1 && rows.get(0).has("value")
					&& Math.abs(rows.get(0).get("value").asDouble() - expected.asDouble()) <= 0.5;
			case "group" -> groups(rows).equals(expectedGroups(expected));
			default -> false;
		};
	}

	private static Set<String> names(JsonNode rows) {
		return new HashSet<>(orderedNames(rows));
	}

	private static List<String> orderedNames(JsonNode rows) {
		List<String> names = new ArrayList<>();
		rows.forEach((row) -> names.add(row.has("source_id") && !row.get("source_id").isNull()
				? row.get("source_id").asString() : row.get("name").asString()));
		return names;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((v) -> values.add(v.asString()));
		return values;
	}

	private static Map<String, Long> groups(JsonNode rows) {
		Map<String, Long> groups = new HashMap<>();
		rows.forEach((row) -> groups.put(row.get("group").asString().toLowerCase(Locale.ROOT), row.get("count").asLong()));
		return groups;
	}

	private static Map<String, Long> expectedGroups(JsonNode expected) {
		Map<String, Long> groups = new HashMap<>();
		expected.properties().forEach((e) -> groups.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asLong()));
		return groups;
	}

	private static List<JsonNode> questions(String resource) throws IOException {
		List<JsonNode> questions = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
				DemoQuestionsApiIntegrationTests.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					questions.add(ApiClient.json(line));
				}
			}
		}
		return questions;
	}

}
