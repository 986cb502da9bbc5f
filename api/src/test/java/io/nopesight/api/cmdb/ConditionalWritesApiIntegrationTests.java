package io.nopesight.api.cmdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-modify-write without losing a concurrent change: CIs and relationships carry their revision as an
 * {@code ETag}, a stale {@code If-Match} is refused with 412 and changes nothing, {@code If-None-Match: *}
 * creates only what is absent, and writes without these headers behave as before.
 */
@ApiIntegrationTest
class ConditionalWritesApiIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void putWhenIfMatchIsCurrentAppliesAndWhenStaleIsRefusedWithoutChange() {
		// given
		String id = create("ETAG-CI-01");
		Response read = this.api.get("/v1/cmdb/ci/" + id);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		// when
		Response applied = put("/v1/cmdb/ci/" + id, "{\"status\":\"maintenance\"}", read.header("ETag"));
		Response stale = put("/v1/cmdb/ci/" + id, "{\"status\":\"inactive\"}", read.header("ETag"));
		// then
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.header("ETag")).isEqualTo("\"2\"");
		assertThat(stale.status()).as(stale.body()).isEqualTo(412);
		assertThat(stale.json().get("error").get("code").asString()).isEqualTo("PRECONDITION_FAILED");
		assertThat(stale.header("ETag")).as("the current revision, to read again").isEqualTo("\"2\"");
		Response after = this.api.get("/v1/cmdb/ci/" + id);
		assertThat(after.json().get("status").asString()).isEqualTo("maintenance");
		assertThat(after.header("ETag")).isEqualTo("\"2\"");
	}

	@Test
	void writesWhenNoConditionIsGivenBehaveAsBefore() {
		// given
		String id = create("ETAG-CI-02");
		put("/v1/cmdb/ci/" + id, "{\"status\":\"maintenance\"}", null);
		// when
		Response unconditional = put("/v1/cmdb/ci/" + id, "{\"status\":\"inactive\"}", null);
		// then
		assertThat(unconditional.status()).isEqualTo(200);
		assertThat(unconditional.header("ETag")).isEqualTo("\"3\"");
		assertThat(this.api.delete("/v1/cmdb/ci/" + id).status()).isEqualTo(200);
	}

	@Test
	void ifMatchWhenWildcardWeakOrAListIsReadAsRfc9110Says() {
		// given
		String id = create("ETAG-CI-03");
		// when / then: * matches whatever revision there is
		assertThat(put("/v1/cmdb/ci/" + id, "{\"description\":\"a\"}", "*").status()).isEqualTo(200);
		// a weak tag never matches a strong comparison
		assertThat(put("/v1/cmdb/ci/" + id, "{\"description\":\"b\"}", "W/\"2\"").status()).isEqualTo(412);
		// any one of a list
		assertThat(put("/v1/cmdb/ci/" + id, "{\"description\":\"c\"}", "\"7\", \"2\"").status()).isEqualTo(200);
		// something that is no revision of ours
		assertThat(put("/v1/cmdb/ci/" + id, "{\"description\":\"d\"}", "\"abc\"").status()).isEqualTo(412);
		assertThat(put("/v1/cmdb/ci/ci_absent_etag", "{\"description\":\"e\"}", "*").status()).isEqualTo(404);
		assertThat(this.api.get("/v1/cmdb/ci/" + id).json().get("description").asString()).isEqualTo("c");
	}

	@Test
	void deleteWhenIfMatchIsStaleIsRefusedAndTheCiStays() {
		// given
		String id = create("ETAG-CI-04");
		put("/v1/cmdb/ci/" + id, "{\"status\":\"maintenance\"}", null);
		// when
		Response stale = send("DELETE", "/v1/cmdb/ci/" + id, Map.of("If-Match", "\"1\""), "");
		// then
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.api.get("/v1/cmdb/ci/" + id).status()).isEqualTo(200);
		assertThat(send("DELETE", "/v1/cmdb/ci/" + id, Map.of("If-Match", "\"2\""), "").status()).isEqualTo(200);
		assertThat(this.api.get("/v1/cmdb/ci/" + id).status()).isEqualTo(404);
	}

	@Test
	void getWhenIfNoneMatchIsCurrentAnswersNotModified() {
		// given
		String id = create("ETAG-CI-05");
		// when
		Response unchanged = send("GET", "/v1/cmdb/ci/" + id, Map.of("If-None-Match", "\"1\""), null);
		Response changed = send("GET", "/v1/cmdb/ci/" + id, Map.of("If-None-Match", "\"0\""), null);
		// then
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(changed.status()).isEqualTo(200);
	}

	@Test
	void createWhenIfNoneMatchAnyAndTheCiExistsIsRefusedWith412InsteadOf409() {
		// given
		String body = "{\"name\":\"ETAG-CI-06\",\"type\":\"server\"}";
		// when
		Response first = send("POST", "/v1/cmdb/ci", Map.of("If-None-Match", "*"), body);
		Response again = send("POST", "/v1/cmdb/ci", Map.of("If-None-Match", "*"), body);
		Response plain = send("POST", "/v1/cmdb/ci", Map.of(), body);
		Response meaningless = send("POST", "/v1/cmdb/ci", Map.of("If-None-Match", "\"1\""),
				"{\"name\":\"ETAG-CI-06b\",\"type\":\"server\"}");
		// then
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		assertThat(again.status()).isEqualTo(412);
		assertThat(again.json().get("error").get("code").asString()).isEqualTo("PRECONDITION_FAILED");
		assertThat(plain.status()).isEqualTo(409);
		assertThat(meaningless.status()).isEqualTo(400);
		assertThat(this.api.get("/v1/cmdb/ci?search=ETAG-CI-06b").json().get("data")).isEmpty();
	}

	@Test
	void concurrentWritersWhenBothHoldTheSameEtagOnlyOneWins() throws Exception {
		// given
		String id = create("ETAG-CI-07");
		String etag = this.api.get("/v1/cmdb/ci/" + id).header("ETag");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				String body = "{\"attributes\":{\"writer\":" + i + "}}";
				Callable<Integer> write = () -> {
					start.await();
					return put("/v1/cmdb/ci/" + id, body, etag).status();
				};
				results.add(writers.submit(write));
			}
			// when
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			// then
			assertThat(statuses).containsOnly(200, 412);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(this.api.get("/v1/cmdb/ci/" + id).header("ETag")).isEqualTo("\"2\"");
		}
		finally {
			writers.shutdownNow();
		}
	}

	@Test
	void relationshipsWhenWrittenConditionallyFollowTheSameRules() {
		// given
		String web = create("ETAG-REL-WEB");
		String db = create("ETAG-REL-DB");
		String link = "{\"type\":\"depends_on\",\"source_ci\":\"" + web + "\",\"target_ci\":\"" + db + "\"}";
		Response created = send("POST", "/v1/cmdb/relationships", Map.of("If-None-Match", "*"), link);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		String id = created.json().get("id").asString();
		// when
		Response duplicate = send("POST", "/v1/cmdb/relationships", Map.of("If-None-Match", "*"), link);
		Response changed = put("/v1/cmdb/relationships/" + id, "{\"attributes\":{\"port\":5432}}", "\"1\"");
		Response stale = put("/v1/cmdb/relationships/" + id, "{\"attributes\":{\"port\":3306}}", "\"1\"");
		Response ends = put("/v1/cmdb/relationships/" + id, "{\"type\":\"runs_on\",\"attributes\":{}}", null);
		Response staleDelete = send("DELETE", "/v1/cmdb/relationships/" + id, Map.of("If-Match", "\"1\""), "");
		// then
		assertThat(duplicate.status()).isEqualTo(412);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"2\"");
		assertThat(changed.json().get("attributes").get("port").asInt()).isEqualTo(5432);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(ends.status()).isEqualTo(400);
		assertThat(staleDelete.status()).isEqualTo(412);
		Response read = this.api.get("/v1/cmdb/relationships/" + id);
		assertThat(read.header("ETag")).isEqualTo("\"2\"");
		assertThat(read.json().get("attributes").get("port").asInt()).isEqualTo(5432);
		assertThat(send("DELETE", "/v1/cmdb/relationships/" + id, Map.of("If-Match", "\"2\""), "").status())
			.isEqualTo(200);
	}

	@Test
	void openApiDocumentWhenReadNamesTheOperationsThatTakeConditions() {
		// when
		JsonNode paths = this.api.get("/v1/openapi.json").json().get("paths");
		// then
		assertThat(headers(paths.get("/v1/cmdb/ci/{id}").get("put"))).contains("If-Match");
		assertThat(headers(paths.get("/v1/cmdb/ci/{id}").get("delete"))).contains("If-Match");
		assertThat(headers(paths.get("/v1/cmdb/ci").get("post"))).contains("If-None-Match");
		assertThat(headers(paths.get("/v1/cmdb/relationships/{id}").get("put"))).contains("If-Match");
		assertThat(headers(paths.get("/v1/cmdb/relationships/{id}").get("delete"))).contains("If-Match");
		assertThat(headers(paths.get("/v1/cmdb/relationships").get("post"))).contains("If-None-Match");
		assertThat(paths.get("/v1/cmdb/ci/{id}").get("put").get("responses").has("412")).isTrue();
	}

	private static List<String> headers(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.get("parameters").forEach((parameter) -> {
			if ("header".equals(parameter.get("in").asString())) {
				names.add(parameter.get("name").asString());
			}
		});
		return names;
	}

	private String create(String name) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", "server"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private Response put(String path, String body, String ifMatch) {
		return send("PUT", path, (ifMatch != null) ? Map.of("If-Match", ifMatch) : Map.of(), body);
	}

	private Response send(String method, String path, Map<String, String> headers, String body) {
		Map<String, String> all = new HashMap<>(headers);
		if (body != null && !body.isEmpty()) {
			all.put("Content-Type", "application/json");
		}
		return this.api.send(method, path, all, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0]);
	}

}
