package io.nopesight.api.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class AuditApiIntegrationTests {

	@LocalServerPort
	int port;

	// the application's clock: other tests may have moved it past the system's
	@Autowired
	Clock clock;

	ApiClient admin;

	@BeforeEach
	void client() {
		this.admin = ApiClient.admin(this.port);
	}

	@Test
	void writeWhenMadeWithAnApiKeyIsAuditedWithWhoWhatWhenAndRequestId() {
		// given
		Instant before = this.clock.instant().minusSeconds(1);
		ApiClient auditor = this.admin.withToken(apiKey("auditor@company.com", List.of("cmdb.write", "cmdb.read")));
		// when
		Response created = auditor.send("POST", "/v1/cmdb/ci",
				Map.of("Content-Type", "application/json", "X-Request-ID", "req-audit-1"),
				"{\"name\":\"AUDIT-WRITE-01\",\"type\":\"server\",\"status\":\"active\"}".getBytes(StandardCharsets.UTF_8));
		String id = created.json().get("id").asString();
		auditor.delete("/v1/cmdb/ci/" + id);
		auditor.get("/v1/cmdb/ci");
		Response log = this.admin.get("/v1/audit?actor=" + URLEncoder.encode("auditor@company.com", StandardCharsets.UTF_8));
		// then
		assertThat(log.status()).isEqualTo(200);
		JsonNode entries = log.json().get("data");
		assertThat(entries.size()).as("reads are not audited").isEqualTo(2);
		JsonNode deletion = entries.get(0);
		JsonNode creation = entries.get(1);
		assertThat(creation.get("actor").asString()).isEqualTo("auditor@company.com");
		assertThat(creation.get("token_kind").asString()).isEqualTo("api_key");
		assertThat(creation.get("token_id").asString()).startsWith("token_");
		assertThat(creation.get("method").asString()).isEqualTo("POST");
		assertThat(creation.get("path").asString()).isEqualTo("/v1/cmdb/ci");
		assertThat(creation.get("status").asInt()).isEqualTo(201);
		assertThat(creation.get("request_id").asString()).isEqualTo("req-audit-1");
		assertThat(creation.get("target_id").asString()).isEqualTo(id);
		assertThat(Instant.parse(creation.get("occurred_at").asString())).isBetween(before, this.clock.instant());
		assertThat(deletion.get("method").asString()).isEqualTo("DELETE");
		assertThat(deletion.get("route").asString()).isEqualTo("/v1/cmdb/ci/{id}");
		assertThat(deletion.get("target_id").asString()).isEqualTo(id);
		assertThat(deletion.get("status").asInt()).isEqualTo(200);
	}

	@Test
	void writeWhenRefusedForScopeIsAuditedWithItsStatus() {
		// given
		ApiClient reader = this.admin.withToken(apiKey("reader@company.com", List.of("cmdb.read")));
		// when
		Response refused = reader.post("/v1/cmdb/ci", Map.of("name", "AUDIT-NOPE", "type", "server", "status", "active"));
		Response log = this.admin.get("/v1/audit?actor=reader@company.com");
		// then
		assertThat(refused.status()).isEqualTo(403);
		assertThat(log.json().at("/data/0/status").asInt()).isEqualTo(403);
		assertThat(log.json().at("/data/0/request_id").asString()).isEqualTo(refused.header("X-Request-ID"));
	}

	@Test
	void listWhenPagedAndFilteredByTimeReturnsTheMatchingEntries() {
		// given
		ApiClient pager = this.admin.withToken(apiKey("pager@company.com", List.of("cmdb.write")));
		for (int i = 0; i < 3; i++) {
			pager.post("/v1/cmdb/ci", Map.of("name", "AUDIT-PAGE-" + i, "type", "server", "status", "active"));
		}
		Instant after = this.clock.instant().plusSeconds(5);
		// when
		Response first = this.admin.get("/v1/audit?actor=pager@company.com&limit=2&page=1");
		Response second = this.admin.get("/v1/audit?actor=pager@company.com&limit=2&page=2");
		Response future = this.admin.get("/v1/audit?actor=pager@company.com&from=" + after);
		Response past = this.admin.get("/v1/audit?actor=pager@company.com&to=" + after);
		Response badDate = this.admin.get("/v1/audit?from=yesterday");
		// then
		assertThat(first.json().get("data").size()).isEqualTo(2);
		assertThat(first.json().at("/pagination/total").asLong()).isEqualTo(3);
		assertThat(first.header("X-Total-Count")).isEqualTo("3");
		assertThat(first.header("Link")).contains("rel=\"next\"");
		assertThat(second.json().get("data").size()).isEqualTo(1);
		assertThat(future.json().get("data").size()).isZero();
		assertThat(past.json().get("data").size()).isEqualTo(3);
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().at("/error/details/0/field").asString()).isEqualTo("from");
	}

	@Test
	void listWhenCallerIsNotAdminGets403() {
		// given
		ApiClient reader = this.admin.withToken(apiKey("nosy@company.com", List.of("cmdb.read", "reports.read")));
		// when
		Response response = reader.get("/v1/audit");
		// then
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().at("/error/code").asString()).isEqualTo("PERMISSION_DENIED");
	}

	private String apiKey(String owner, List<String> scopes) {
		Response created = this.admin.post("/v1/auth/api-keys",
				Map.of("name", owner + " key", "owner", owner, "scopes", scopes));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

}
