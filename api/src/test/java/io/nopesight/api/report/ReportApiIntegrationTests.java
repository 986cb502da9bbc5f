package io.nopesight.api.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * The report endpoints over HTTP, with the API test templates and renderer ({@link ApiTestReports}) in place of
 * the JasperReports ones: the reference's 202 and status bodies, the download's headers, 410 once expired,
 * each recipient's delivery on the status, the list's filters and paging headers, the templates, and the
 * 400, 403 and 404 answers. The SMTP server is port 1 on loopback, where nothing listens, and one attempt is
 * all a delivery gets, so e-mails fail at once.
 */
@ApiIntegrationTest
@Import(ApiTestReports.class)
@TestPropertySource(properties = { "nopesight.work.poll-interval=100ms", "spring.mail.host=127.0.0.1",
		"spring.mail.port=1", "nopesight.reporting.mail.max-attempts=1", "nopesight.reporting.mail.poll-interval=100ms" })
class ReportApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

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
	void generateWhenTheRequestIsValidAnswers202AsTheReferenceAndTheFileDownloadsOnceCompleted() {
		// when
		Response accepted = this.admin.post("/v1/reports/generate", Map.of("template_id", "tpl_api_test", "parameters",
				Map.of("rows", 3, "label", "api-basic"), "format", "csv"));
		// then
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode body = accepted.json();
		assertThat(body.propertyNames()).containsExactly("report_id", "status", "estimated_completion", "status_url");
		String id = body.get("report_id").asString();
		assertThat(id).startsWith("rpt_");
		assertThat(body.get("status").asString()).isEqualTo("generating");
		assertThat(Timestamps.parse(body.get("estimated_completion").asString())).isPresent();
		assertThat(body.get("status_url").asString()).isEqualTo("/v1/reports/" + id + "/status");
		assertThat(accepted.header("Location")).isEqualTo("/v1/reports/" + id + "/status");
		JsonNode status = awaitStatus(id, "completed");
		assertThat(status.propertyNames()).startsWith("report_id", "status", "completed_at", "download_url",
				"expires_at");
		assertThat(status.get("download_url").asString()).isEqualTo("/v1/reports/" + id + "/download");
		assertThat(instant(status, "expires_at")).isEqualTo(instant(status, "completed_at").plus(Duration.ofDays(7)));
		assertThat(status.get("deliveries")).isEmpty();
		// when
		Response download = this.admin.get("/v1/reports/" + id + "/download");
		// then
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("text/csv");
		assertThat(download.header("Content-Disposition"))
			.matches("attachment; filename=\"api-test-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv\"");
		assertThat(download.body().lines()).hasSize(4).first().isEqualTo("n,label,requested_by");
		assertThat(download.body()).contains("1,api-basic,");
	}

	@Test
	void statusWhenTheReportIsEmailedShowsEachRecipientsDelivery() {
		// given
		Map<String, Object> request = Map.of("template_id", "tpl_api_test", "delivery",
				Map.of("method", "email", "recipients", List.of("wendy@example.com", "xavier@example.com")));
		// when
		String id = this.admin.post("/v1/reports/generate", request).json().get("report_id").asString();
		// then: nothing listens on the SMTP port, and one attempt is all each gets
		await().atMost(PATIENCE).until(() -> {
			JsonNode deliveries = this.admin.get("/v1/reports/" + id + "/status").json().get("deliveries");
			return deliveries.size() == 2 && deliveries.get(0).get("status").asString().equals("failed")
					&& deliveries.get(1).get("status").asString().equals("failed");
		});
		JsonNode deliveries = this.admin.get("/v1/reports/" + id + "/status").json().get("deliveries");
		assertThat(deliveries.get(0).get("recipient").asString()).isEqualTo("wendy@example.com");
		assertThat(deliveries.get(1).get("recipient").asString()).isEqualTo("xavier@example.com");
		assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(1);
		assertThat(deliveries.get(0).get("error").asString()).isNotBlank();
	}

	@Test
	void generateWhenTheRequestIsWrongAnswers400NamingEachFieldAndStoresNothing() {
		// given
		long before = reportCount();
		Map<String, Object> wrong = Map.of("template_id", "tpl_api_test", "parameters",
				Map.of("rows", "lots", "colour", "red"), "format", "pdf", "time_zone", "Nowhere/City", "delivery",
				Map.of("method", "email", "recipients", List.of("ok@example.com", "not-an-address")));
		// when, then
		assertThat(fields(this.admin.post("/v1/reports/generate", Map.of()))).containsExactly("template_id");
		assertThat(fields(this.admin.post("/v1/reports/generate", Map.of("template_id", "tpl_nope"))))
			.containsExactly("template_id");
		assertThat(fields(this.admin.post("/v1/reports/generate", wrong))).containsExactlyInAnyOrder("parameters.rows",
				"parameters.colour", "format", "time_zone", "delivery.recipients[1]");
		assertThat(fields(this.admin.post("/v1/reports/generate",
				Map.of("template_id", "tpl_api_test", "delivery", Map.of("method", "pigeon")))))
			.containsExactly("delivery.method");
		assertThat(fields(this.admin.post("/v1/reports/generate", Map.of("template_id", "tpl_api_test", "delivery",
				Map.of("method", "email", "recipients", Collections.nCopies(51, "y@example.com"))))))
			.containsExactly("delivery.recipients");
		assertThat(fields(this.admin.post("/v1/reports/generate", Map.of("template_id", "tpl_api_test", "shared",
				"yes")))).containsExactly("shared");
		assertThat(fields(this.admin.post("/v1/reports/generate", ""))).containsExactly("body");
		assertThat(reportCount()).isEqualTo(before);
	}

	@Test
	void downloadWhenTheReportHasExpiredAnswers410() {
		// given
		String id = generate(this.admin, "tpl_api_test", false);
		JsonNode status = awaitStatus(id, "completed");
		this.clock.freeze();
		// when
		this.clock.advance(Duration.between(this.clock.instant(), instant(status, "expires_at")));
		Response gone = this.admin.get("/v1/reports/" + id + "/download");
		// then
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.json().at("/error/code").asString()).isEqualTo("GONE");
		assertThat(gone.json().at("/error/message").asString()).contains(id, "expired");
		JsonNode expired = this.admin.get("/v1/reports/" + id + "/status").json();
		assertThat(expired.get("status").asString()).isEqualTo("expired");
		assertThat(expired.get("download_url").isNull()).isTrue();
	}

	@Test
	void listWhenFilteredByCategoryCreatorAndSharedPagesNewestFirstWithThePagingHeaders() {
		// given: uma's three test reports and one shared audit; vic's shared audit and private test
		ApiClient uma = this.admin.withToken(apiKey("uma@company.com", List.of("reports.read", "reports.write")));
		ApiClient vic = this.admin.withToken(apiKey("vic@company.com", List.of("reports.read", "reports.write")));
		List<String> umas = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			umas.add(generate(uma, "tpl_api_test", false));
		}
		umas.add(generate(uma, "tpl_api_audit", true));
		String vicsShared = generate(vic, "tpl_api_audit", true);
		generate(vic, "tpl_api_test", false);
		// when
		Response firstPage = uma.get("/v1/reports?limit=2");
		Response audit = uma.get("/v1/reports?category=audit");
		Response vicsForUma = uma.get("/v1/reports?created_by=vic@company.com&shared=true");
		Response vicsUnshared = uma.get("/v1/reports?created_by=vic@company.com");
		Response badPage = uma.get("/v1/reports?page=0");
		// then
		assertThat(firstPage.status()).isEqualTo(200);
		assertThat(firstPage.header("X-Total-Count")).isEqualTo("4");
		assertThat(firstPage.header("X-Page")).isEqualTo("1");
		assertThat(firstPage.header("X-Per-Page")).isEqualTo("2");
		assertThat(firstPage.header("X-Total-Pages")).isEqualTo("2");
		assertThat(firstPage.header("Link")).contains("rel=\"next\"");
		assertThat(ids(firstPage)).containsExactly(umas.get(3), umas.get(2));
		assertThat(firstPage.json().at("/pagination/total").asInt()).isEqualTo(4);
		assertThat(firstPage.json().at("/data/0/status_url").asString()).isEqualTo("/v1/reports/" + umas.get(3) + "/status");
		assertThat(ids(audit)).containsExactly(umas.get(3));
		assertThat(audit.json().at("/data/0/category").asString()).isEqualTo("audit");
		assertThat(ids(vicsForUma)).containsExactly(vicsShared);
		assertThat(ids(vicsUnshared)).isEmpty();
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.json().at("/error/details/0/field").asString()).isEqualTo("page");
	}

	@Test
	void callWhenTheTokenLacksTheScopeAnswers403() {
		// given
		ApiClient cmdbReader = this.admin.withToken(apiKey("yara@company.com", List.of("cmdb.read")));
		ApiClient reportReader = this.admin.withToken(apiKey("zack@company.com", List.of("reports.read")));
		// when, then
		assertThat(cmdbReader.get("/v1/reports").status()).isEqualTo(403);
		assertThat(cmdbReader.get("/v1/reports/templates").status()).isEqualTo(403);
		Response refused = reportReader.post("/v1/reports/generate", Map.of("template_id", "tpl_api_test"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().at("/error/code").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(refused.json().at("/error/details/0/error").asString()).contains("reports.write");
		assertThat(reportReader.get("/v1/reports").status()).isEqualTo(200);
	}

	@Test
	void statusWhenTheReportIsUnknownOrAnotherUsersPrivateOneAnswers404() {
		// given
		ApiClient owner = this.admin.withToken(apiKey("abby@company.com", List.of("reports.read", "reports.write")));
		ApiClient other = this.admin.withToken(apiKey("boris@company.com", List.of("reports.read")));
		String id = generate(owner, "tpl_api_test", false);
		// when, then
		Response unknown = this.admin.get("/v1/reports/rpt_0000000000000000/status");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
		assertThat(this.admin.get("/v1/reports/rpt_0000000000000000/download").status()).isEqualTo(404);
		assertThat(other.get("/v1/reports/" + id + "/status").status()).isEqualTo(404);
		assertThat(other.get("/v1/reports/" + id + "/download").status()).isEqualTo(404);
		assertThat(owner.get("/v1/reports/" + id + "/status").status()).isEqualTo(200);
	}

	@Test
	void templatesWhenListedShowTheirParametersAndFormats() {
		// when
		Response templates = this.admin.get("/v1/reports/templates");
		// then
		assertThat(templates.status()).isEqualTo(200);
		JsonNode first = templates.json().at("/data/0");
		assertThat(first.get("template_id").asString()).isEqualTo("tpl_api_test");
		assertThat(first.get("name").asString()).isEqualTo("API test");
		assertThat(first.get("category").asString()).isEqualTo("test");
		assertThat(first.at("/parameters/0/name").asString()).isEqualTo("rows");
		assertThat(first.at("/parameters/0/default_value").asString()).isEqualTo("2");
		assertThat(first.get("formats").toString()).isEqualTo("[\"csv\",\"html\"]");
	}

	@Test
	void openApiWhenReadDocumentsEveryReportOperationWithItsScopeAndTag() {
		// when
		JsonNode paths = new ApiClient(this.port, null).get("/v1/openapi.json").json().get("paths");
		// then
		assertThat(paths.at("/~1v1~1reports~1generate/post/x-required-scope").asString()).isEqualTo("reports.write");
		assertThat(paths.at("/~1v1~1reports~1{id}~1download/get/x-required-scope").asString())
			.isEqualTo("reports.read");
		assertThat(paths.at("/~1v1~1reports~1{id}~1status/get/tags/0").asString()).isEqualTo("Reports");
		assertThat(paths.at("/~1v1~1reports~1schedules~1{id}~1run/post/tags/0").asString())
			.isEqualTo("Report schedules");
	}

	private JsonNode awaitStatus(String id, String status) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> status.equals(this.admin.get("/v1/reports/" + id + "/status").json().get("status").asString()));
		return this.admin.get("/v1/reports/" + id + "/status").json();
	}

	private static String generate(ApiClient client, String template, boolean shared) {
		Response accepted = client.post("/v1/reports/generate", Map.of("template_id", template, "shared", shared));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("report_id").asString();
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
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().get("data").forEach((report) -> ids.add(report.get("id").asString()));
		return ids;
	}

	private static Instant instant(JsonNode body, String field) {
		return Timestamps.parse(body.get(field).asString()).orElseThrow();
	}

	private long reportCount() {
		return this.jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
	}

}
