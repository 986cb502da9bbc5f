package io.nopesight.api.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agents over HTTP on an estate of their own (environment {@code agentlab}): a database server whose disk
 * grows 1 point a day and crosses 100% twelve days after the moment asked about, a flat web server and an idle
 * batch server, with 36 days of hourly samples up to half a day ago. The optimizer, asked as of eight days ago
 * within a budget, recommends the growing disk with a date near its true crossing and not the flat one; the
 * answer counts as a decision, and its first check time has data, so the success rate can be measured.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentApiIntegrationTests {

	private static final String OPTIMIZER = "/v1/agents/agent_infrastructure_optimizer/query";

	private static final String ANALYST = "/v1/agents/agent_event_analyst/query";

	// whole hours: the last sample half a day before the test runs, the question eight days before that
	private static final Instant END = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));

	private static final Instant AS_OF = END.minus(Duration.ofDays(8));

	private static final Instant START = AS_OF.minus(Duration.ofDays(28));

	// 60% at START plus a point a day: 88% at AS_OF, 100% twelve days later
	private static final LocalDate TRUE_CROSSING = LocalDate.ofInstant(AS_OF.plus(Duration.ofDays(12)), ZoneOffset.UTC);

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeAll
	void estate() {
		this.api = ApiClient.admin(this.port);
		server("AGL-DB-01", 16, 128, 1000);
		server("AGL-WEB-01", 8, 32, 500);
		server("AGL-IDLE-01", 16, 64, 500);
		Random random = new Random(42);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (Instant t = START; t.isBefore(END); t = t.plus(Duration.ofHours(1))) {
			double days = Duration.between(START, t).toMinutes() / 1440.0;
			double daily = Math.sin(2 * Math.PI * (days % 1));
			add(samples, "AGL-DB-01", t, 30 + 10 * daily + random.nextGaussian() * 2, 50 + random.nextGaussian(),
					60 + days + daily + random.nextGaussian() * 0.4);
			add(samples, "AGL-WEB-01", t, 30 + 8 * daily + random.nextGaussian() * 2, 45 + random.nextGaussian(),
					40 + random.nextGaussian() * 0.3);
			add(samples, "AGL-IDLE-01", t, Math.max(0.5, 4 + random.nextGaussian()), 12 + random.nextGaussian() * 0.5,
					30 + random.nextGaussian() * 0.3);
		}
		for (int i = 0; i < samples.size(); i += 2_000) {
			Response written = this.api.post("/v1/metrics",
					Map.of("samples", samples.subList(i, Math.min(samples.size(), i + 2_000))));
			assertThat(written.status()).as(written.body()).isEqualTo(200);
			assertThat(written.json().get("skipped").asInt()).as(written.body()).isZero();
		}
	}

	@Test
	void queryWhenADiskGrowsRecommendsItNearItsCrossingWithinTheBudgetAndCountsTheDecision() {
		// given
		long before = optimizerPerformance().get("decisions_made").asLong();
		Map<String, Object> question = question("Which agentlab servers need capacity upgrades next month?",
				Map.of("time_range", "next_month", "budget_limit", 50_000, "as_of", AS_OF.toString()));
		// when
		Response answered = this.api.post(OPTIMIZER, question);
		Response again = this.api.post(OPTIMIZER, question);
		// then
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		JsonNode body = answered.json();
		assertThat(body.get("agent_id").asString()).isEqualTo("agent_infrastructure_optimizer");
		JsonNode response = body.get("response");
		assertThat(response.at("/understood/environment").asString()).isEqualTo("agentlab");
		assertThat(names(response.get("details"))).contains("AGL-DB-01").doesNotContain("AGL-WEB-01");
		assertThat(names(response.get("deferred"))).doesNotContain("AGL-WEB-01");
		JsonNode db = detail(response.get("details"), "AGL-DB-01");
		assertThat(db.at("/recommended_upgrade/storage").asString()).matches("\\+\\d+GB");
		assertThat(db.at("/current_capacity/storage").asString()).matches("\\d+%");
		assertThat(LocalDate.parse(db.get("projected_exhaustion").asString()))
			.isBetween(TRUE_CROSSING.minusDays(2), TRUE_CROSSING.plusDays(2));
		assertThat(db.get("estimated_cost").asLong()).isPositive().isLessThanOrEqualTo(50_000);
		assertThat(db.get("reasoning").asString()).contains("disk_usage", "/day");
		assertThat(response.get("total_cost").asLong()).isLessThanOrEqualTo(50_000);
		assertThat(response.get("summary").asString()).contains("capacity upgrades based on growth projections");
		assertThat(response.get("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(names(response.get("right_sizing"))).contains("AGL-IDLE-01");
		assertThat(again.json().get("response").get("details")).as("as_of makes the answer reproducible")
			.isEqualTo(response.get("details"));
		JsonNode after = optimizerPerformance();
		assertThat(after.get("decisions_made").asLong()).isEqualTo(before + 2);
		// the first check, a week after as_of, has data: the prediction was measured against it
		assertThat(after.get("predictions_checked").asLong()).isPositive();
		assertThat(after.get("success_rate").asDouble()).isBetween(0.0, 1.0);
		assertThat(after.get("avg_confidence").asDouble()).isBetween(0.0, 1.0);
	}

	@Test
	void queryWhenTheQuestionAsksForSavingsRightSizesTheIdleServer() {
		// when
		Response answered = this.api.post(OPTIMIZER, question("Which agentlab servers are idle enough to save cost?",
				Map.of("as_of", AS_OF.toString())));
		// then
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		JsonNode response = answered.json().get("response");
		assertThat(names(response.get("details"))).containsExactly("AGL-IDLE-01");
		JsonNode idle = response.get("details").get(0);
		assertThat(idle.at("/recommended_change/cpu").asString()).isEqualTo("-8 vCPU (16 → 8)");
		assertThat(idle.at("/recommended_change/memory").asString()).isEqualTo("-32GB (64GB → 32GB)");
		assertThat(idle.get("monthly_saving").asLong()).isEqualTo(8 * 25 + 32 * 5);
	}

	@Test
	void queryWhenTheQuestionCannotBeReadAnswers422WithExamples() {
		// when
		Response unread = this.api.post(OPTIMIZER, question("Sing me something about agentlab", Map.of()));
		// then
		assertThat(unread.status()).isEqualTo(422);
		assertThat(unread.json().at("/error/code").asString()).isEqualTo("QUERY_NOT_UNDERSTOOD");
		assertThat(unread.json().at("/error/details/0/field").asString()).isEqualTo("query");
		assertThat(unread.json().at("/error/details/0/error").asString()).startsWith("try: ");
	}

	@Test
	void queryWhenTheAgentOrTheContextIsWrongAnswers404Or400NamingTheField() {
		// when
		Response unknown = this.api.post("/v1/agents/agent_fortune_teller/query", question("capacity?", Map.of()));
		Response range = this.api.post(OPTIMIZER, question("capacity upgrades?", Map.of("time_range", "soonish")));
		Response budget = this.api.post(OPTIMIZER, question("capacity upgrades?", Map.of("budget_limit", "lots")));
		Response asOf = this.api.post(OPTIMIZER, question("capacity upgrades?", Map.of("as_of", "last tuesday")));
		Response noQuery = this.api.post(OPTIMIZER, Map.of("context", Map.of()));
		// then
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
		assertThat(field(range)).isEqualTo("context.time_range");
		assertThat(field(budget)).isEqualTo("context.budget_limit");
		assertThat(field(asOf)).isEqualTo("context.as_of");
		assertThat(field(noQuery)).isEqualTo("query");
	}

	@Test
	void queryWhenASourceFloodsACiTheAnalystNamesItAndTheIncident() {
		// given
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			event("Disk latency high on AGL-WEB-01 (" + i + ")", "high", "agentlab-probe", at.plusSeconds(i));
		}
		event("Ping lost to AGL-WEB-01", "critical", "agentlab-pinger", at.plusSeconds(10));
		// when
		Response noisy = this.api.post(ANALYST, question("Which sources sent the most alerts about AGL-WEB-01?",
				Map.of("time_range", "last_day")));
		// then
		assertThat(noisy.status()).as(noisy.body()).isEqualTo(200);
		JsonNode response = noisy.json().get("response");
		assertThat(response.at("/noisiest_sources/0/key").asString()).isEqualTo("agentlab-probe");
		assertThat(response.at("/noisiest_sources/0/occurrences").asLong()).isEqualTo(5);
		assertThat(response.at("/noisiest_cis/0/name").asString()).isEqualTo("AGL-WEB-01");
		assertThat(response.get("summary").asString()).startsWith("agentlab-probe sent the most events in the last day");
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			JsonNode incidents = this.api.post(ANALYST, question("What are the open incidents on AGL-WEB-01 and their root "
					+ "causes?", Map.of())).json().get("response");
			assertThat(incidents.get("details").size()).isPositive();
			assertThat(incidents.at("/details/0/root_cause/name").asString()).isEqualTo("AGL-WEB-01");
		});
	}

	private JsonNode optimizerPerformance() {
		Response agents = this.api.get("/v1/agents");
		assertThat(agents.status()).as(agents.body()).isEqualTo(200);
		for (JsonNode agent : agents.json().get("data")) {
			if (agent.get("id").asString().equals("agent_infrastructure_optimizer")) {
				return agent.get("performance");
			}
		}
		throw new AssertionError("no optimizer in " + agents.body());
	}

	private void server(String name, int cores, int memoryGb, int diskGb) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", "server", "attributes",
				Map.of("cpu_cores", cores, "memory_gb", memoryGb, "disk_gb", diskGb), "custom_fields",
				Map.of("environment", "agentlab", "department", "IT")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private void event(String title, String severity, String source, Instant at) {
		Response created = this.api.post("/v1/events", Map.of("title", title, "severity", severity, "source", source,
				"affected_cis", List.of("AGL-WEB-01"), "created_at", at.toString()));
		assertThat(created.status()).as(created.body()).isIn(200, 201);
	}

	private static void add(List<Map<String, Object>> samples, String ci, Instant t, double cpu, double memory,
			double disk) {
		DoubleUnaryOperator percent = (v) -> Math.round(Math.min(100, Math.max(0, v)) * 100) / 100.0;
		samples.add(sample(ci, "cpu_usage", t, percent.applyAsDouble(cpu)));
		samples.add(sample(ci, "memory_usage", t, percent.applyAsDouble(memory)));
		samples.add(sample(ci, "disk_usage", t, percent.applyAsDouble(disk)));
	}

	private static Map<String, Object> sample(String ci, String metric, Instant t, double value) {
		Map<String, Object> sample = new LinkedHashMap<>();
		sample.put("ci", ci);
		sample.put("metric", metric);
		sample.put("timestamp", t.toString());
		sample.put("value", value);
		return sample;
	}

	private static Map<String, Object> question(String query, Map<String, Object> context) {
		return Map.of("query", query, "context", context);
	}

	private static List<String> names(JsonNode rows) {
		List<String> names = new ArrayList<>();
		rows.forEach((row) -> names.add(row.get("name").asString()));
		return names;
	}

	private static JsonNode detail(JsonNode rows, String name) {
		for (JsonNode row : rows) {
			if (row.get("name").asString().equals(name)) {
				return row;
			}
		}
		throw new AssertionError("no " + name + " in " + rows);
	}

	private static String field(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return response.json().at("/error/details/0/field").asString();
	}

}
