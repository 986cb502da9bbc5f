package io.nopesight.api.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.TestClock;
import io.nopesight.core.Timestamps;
import io.nopesight.reporting.ApiTestReports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report schedule endpoints over HTTP, with the API test templates and renderer ({@link ApiTestReports}):
 * create (201, the next run in the schedule's zone), read, list with paging headers, replace, delete, run now
 * (202 as generate answers), a run once the clock reaches it (due schedules are looked for every second here),
 * and the 400, 403 and 404 answers.
 */
@ApiIntegrationTest
@Import(ApiTestReports.class)
@TestPropertySource(properties = { "nopesight.work.poll-interval=100ms", "nopesight.reporting.schedule-cron=* * * * * ?" })
class ReportScheduleApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.admin(this.port);
	}

	@AfterEach
	void letTheClockRun() {
		this.clock.unfreeze();
	}

	@Test
	void createWhenTheScheduleIsValidAnswers201WithItsNextRunInItsTimeZone() {
		// given
		Instant now = this.clock.freeze();
		// when
		Response created = this.admin.post("/v1/reports/schedules", weeklyOnMonday("Monday inventory"));
		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode schedule = created.json();
		String id = schedule.get("id").asString();
		assertThat(id).startsWith("sch_");
		assertThat(created.header("Location")).isEqualTo("/v1/reports/schedules/" + id);
		assertThat(schedule.get("period").toString())
			.isEqualTo("{\"frequency\":\"weekly\",\"time\":\"08:00\",\"day_of_week\":\"monday\"}");
		assertThat(schedule.get("cron").isNull()).isTrue();
		assertThat(schedule.get("time_zone").asString()).isEqualTo("Europe/Berlin");
		assertThat(schedule.at("/delivery/method").asString()).isEqualTo("download");
		assertThat(schedule.get("enabled").asBoolean()).isTrue();
		ZonedDateTime next = instant(schedule, "next_run_at").atZone(BERLIN);
		assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(next.toInstant()).isAfter(now).isBefore(now.plus(Duration.ofDays(7)));
		assertThat(this.admin.get("/v1/reports/schedules/" + id).json()).isEqualTo(schedule);
	}

	@Test
	void createWhenTheRequestIsWrongAnswers400NamingEachFieldAndStoresNothing() {
		// given
		long before = scheduleCount();
		Map<String, Object> wrong = Map.of("name", "", "template_id", "tpl_api_test", "cron", "not a cron", "time_zone",
				"Mars/Base");
		Map<String, Object> both = new HashMap<>(weeklyOnMonday("Both"));
		both.put("cron", "0 8 * * MON");
		Map<String, Object> badPeriod = new HashMap<>(weeklyOnMonday("Bad period"));
		badPeriod.put("period", Map.of("frequency", "yearly", "time", "25:00"));
		// when, then
		assertThat(fields(this.admin.post("/v1/reports/schedules", wrong))).containsExactlyInAnyOrder("name", "cron",
				"time_zone");
		assertThat(fields(this.admin.post("/v1/reports/schedules", Map.of("name", "When?", "template_id",
				"tpl_api_test")))).containsExactly("cron");
		assertThat(fields(this.admin.post("/v1/reports/schedules", both))).containsExactly("cron");
		assertThat(fields(this.admin.post("/v1/reports/schedules", badPeriod)))
			.containsExactlyInAnyOrder("period.frequency", "period.time");
		assertThat(scheduleCount()).isEqualTo(before);
	}

	@Test
	void updateWhenTheBodyReplacesTheScheduleAndDeleteRemovesIt() {
		// given
		String id = create(this.admin, "Replaced");
		Map<String, Object> replacement = Map.of("name", "Replacement", "template_id", "tpl_api_audit", "cron",
				"0 6 * * *", "delivery", Map.of("method", "download"));
		// when
		Response updated = this.admin.put("/v1/reports/schedules/" + id, replacement);
		// then
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("cron").asString()).isEqualTo("0 6 * * *");
		assertThat(updated.json().get("period").isNull()).isTrue();
		assertThat(updated.json().get("time_zone").asString()).isEqualTo("UTC");
		assertThat(instant(updated.json(), "next_run_at").atZone(ZoneId.of("UTC")).toLocalTime())
			.isEqualTo(LocalTime.of(6, 0));
		// when
		Response deleted = this.admin.delete("/v1/reports/schedules/" + id);
		// then
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(this.admin.get("/v1/reports/schedules/" + id).status()).isEqualTo(404);
	}

	@Test
	void runWhenAskedAnswers202AsGenerateDoesAndTheReportCompletes() {
		// given
		String id = create(this.admin, "Run now");
		// when
		Response run = this.admin.post("/v1/reports/schedules/" + id + "/run", "");
		// then
		assertThat(run.status()).as(run.body()).isEqualTo(202);
		assertThat(run.json().propertyNames()).containsExactly("report_id", "status", "estimated_completion",
				"status_url");
		String reportId = run.json().get("report_id").asString();
		await().atMost(PATIENCE)
			.until(() -> "completed"
				.equals(this.admin.get("/v1/reports/" + reportId + "/status").json().get("status").asString()));
		JsonNode schedule = this.admin.get("/v1/reports/schedules/" + id).json();
		assertThat(schedule.get("last_report_id").asString()).isEqualTo(reportId);
	}

	@Test
	void runWhenTheClockReachesTheNextRunQueuesTheReport() {
		// given
		String id = create(this.admin, "Comes due");
		Instant due = instant(this.admin.get("/v1/reports/schedules/" + id).json(), "next_run_at");
		// when
		this.clock.advance(Duration.between(this.clock.instant(), due).plusSeconds(1));
		// then
		await().atMost(PATIENCE)
			.until(() -> !this.admin.get("/v1/reports/schedules/" + id).json().get("last_report_id").isNull());
		JsonNode schedule = this.admin.get("/v1/reports/schedules/" + id).json();
		assertThat(instant(schedule, "next_run_at")).isEqualTo(due.atZone(BERLIN).plusWeeks(1).toInstant());
		String reportId = schedule.get("last_report_id").asString();
		JsonNode reports = this.admin.get("/v1/reports?shared=true&limit=100").json().get("data");
		List<String> fromSchedule = new ArrayList<>();
		reports.forEach((report) -> {
			if (id.equals(report.get("schedule_id").asString())) {
				fromSchedule.add(report.get("id").asString());
			}
		});
		assertThat(fromSchedule).containsExactly(reportId);
	}

	@Test
	void listWhenPagedAnswersTheOwnersSchedulesWithThePagingHeaders() {
		// given
		ApiClient cleo = this.admin.withToken(apiKey("cleo@company.com", List.of("reports.read", "reports.write")));
		List<String> ids = List.of(create(cleo, "C1"), create(cleo, "C2"), create(cleo, "C3"));
		create(this.admin, "Someone else's");
		// when
		Response first = cleo.get("/v1/reports/schedules?limit=2");
		Response second = cleo.get("/v1/reports/schedules?limit=2&page=2");
		// then
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("X-Total-Count")).isEqualTo("3");
		assertThat(first.header("X-Total-Pages")).isEqualTo("2");
		assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
		assertThat(ids(second)).containsExactly(ids.get(2));
	}

	@Test
	void callWhenTheTokenLacksTheScopeAnswers403AndAnotherUsersScheduleIs404() {
		// given
		ApiClient reader = this.admin.withToken(apiKey("dora@company.com", List.of("reports.read")));
		ApiClient outsider = this.admin.withToken(apiKey("emil@company.com", List.of("cmdb.read")));
		ApiClient other = this.admin.withToken(apiKey("fay@company.com", List.of("reports.read", "reports.write")));
		String id = create(this.admin, "Admin's own");
		// when, then
		assertThat(reader.post("/v1/reports/schedules", weeklyOnMonday("Not allowed")).status()).isEqualTo(403);
		assertThat(reader.get("/v1/reports/schedules").status()).isEqualTo(200);
		assertThat(outsider.get("/v1/reports/schedules").status()).isEqualTo(403);
		Response unknown = this.admin.get("/v1/reports/schedules/sch_0000000000000000");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
		assertThat(other.get("/v1/reports/schedules/" + id).status()).isEqualTo(404);
		assertThat(other.put("/v1/reports/schedules/" + id, weeklyOnMonday("Taken over")).status()).isEqualTo(404);
		assertThat(other.post("/v1/reports/schedules/" + id + "/run", "").status()).isEqualTo(404);
		assertThat(other.delete("/v1/reports/schedules/" + id).status()).isEqualTo(404);
		assertThat(this.admin.get("/v1/reports/schedules/" + id).status()).isEqualTo(200);
	}

	private static Map<String, Object> weeklyOnMonday(String name) {
		return Map.of("name", name, "template_id", "tpl_api_test", "parameters", Map.of("rows", 1), "format", "csv",
				"period", Map.of("frequency", "weekly", "day_of_week", "monday", "time", "08:00"), "time_zone",
				"Europe/Berlin", "delivery", Map.of("method", "download"));
	}

	private static String create(ApiClient client, String name) {
		Response created = client.post("/v1/reports/schedules", weeklyOnMonday(name));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String apiKey(String owner, List<String> scopes) {
		Response created = this.admin.post("/v1/auth/api-keys",
				Map.of("name", owner + " key", "owner", owner, "scopes", scopes));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private static List<String> fields(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		List<String> fields = new ArrayList<>();
		response.json().at("/error/details").forEach((detail) -> fields.add(detail.get("field").asString()));
		return fields;
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.json().get("data").forEach((schedule) -> ids.add(schedule.get("id").asString()));
		return ids;
	}

	private static Instant instant(JsonNode body, String field) {
		return Timestamps.parse(body.get(field).asString()).orElseThrow();
	}

	private long scheduleCount() {
		return this.jdbc.sql("SELECT count(*) FROM report_schedule").query(Long.class).single();
	}

}
