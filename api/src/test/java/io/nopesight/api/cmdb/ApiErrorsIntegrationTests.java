package io.nopesight.api.cmdb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that only the core, the database or the server itself can judge gets the right 4xx in the
 * standard error format and changes nothing. What the web layer decides on its own (unreadable bodies, bad
 * query parameters, wrong methods and media types) is in {@link ConfigurationItemControllerTests}.
 */
@ApiIntegrationTest
class ApiErrorsIntegrationTests {

	private static final String EXISTING = "ERRORS-EXISTING-01";

	// just over the default limit of 16 MB
	private static final int OVERSIZED = 16 * 1024 * 1024 + 1024;

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.admin(this.port);
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", EXISTING, "type", "server"));
		assertThat(created.status()).as(created.body()).isIn(201, 409);
	}

	static Stream<Arguments> badRequests() {
		String json = "application/json";
		return Stream.of(
				Arguments.of("missing name", "POST", "/v1/cmdb/ci", json, "{\"type\":\"server\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("missing type", "POST", "/v1/cmdb/ci", json, "{\"name\":\"n\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("bad type", "POST", "/v1/cmdb/ci", json, "{\"name\":\"n\",\"type\":\"Bad Type\"}", 400,
						"VALIDATION_ERROR"),
				Arguments.of("bad status", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"n\",\"type\":\"server\",\"status\":\"broken\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("duplicate name", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"" + EXISTING + "\",\"type\":\"server\"}", 409, "CONFLICT"),
				Arguments.of("oversized body", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"big\",\"type\":\"server\",\"description\":\"" + "x".repeat(OVERSIZED) + "\"}",
						413, "PAYLOAD_TOO_LARGE"),
				Arguments.of("unknown CI", "GET", "/v1/cmdb/ci/ci_doesnotexist", json, "", 404, "RESOURCE_NOT_FOUND"),
				Arguments.of("unknown CI update", "PUT", "/v1/cmdb/ci/ci_doesnotexist", json, "{\"status\":\"active\"}",
						404, "RESOURCE_NOT_FOUND"),
				Arguments.of("unknown CI delete", "DELETE", "/v1/cmdb/ci/ci_doesnotexist", json, "", 404,
						"RESOURCE_NOT_FOUND"),
				Arguments.of("unknown path", "GET", "/v1/nothing/here", json, "", 404, "RESOURCE_NOT_FOUND"),
				Arguments.of("relationship to missing CI", "POST", "/v1/cmdb/relationships", json,
						"{\"type\":\"runs_on\",\"source_ci\":\"ci_nope\",\"target_ci\":\"ci_nope2\"}", 400,
						"VALIDATION_ERROR"));
	}

	@ParameterizedTest(name = "{0} -> {5}")
	@MethodSource("badRequests")
	void badRequestGetsStandardErrorAndChangesNothing(String what, String method, String path, String contentType,
			String body, int status, String code) {
		// given
		long before = total();
		// when
		Response response = this.api.send(method, path, Map.of("Content-Type", contentType, "X-Request-ID",
				"req-test-" + status), body.getBytes(StandardCharsets.UTF_8));
		// then
		assertThat(response.status()).as(what).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode error = response.json().get("error");
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.get("request_id").asString()).isEqualTo("req-test-" + status);
		assertThat(error.get("documentation_url").asString()).endsWith("#" + code);
		assertThat(error.get("details").isArray()).isTrue();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void requestWhenTokenIsMissingOrWrongGets401() {
		ApiClient anonymous = new ApiClient(this.port, null);
		Response missing = anonymous.get("/v1/cmdb/ci");
		Response wrong = this.api.withToken("not-a-token").get("/v1/cmdb/ci");
		Response notBearer = anonymous.send("GET", "/v1/cmdb/ci", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="),
				new byte[0]);
		for (Response response : new Response[] { missing, wrong, notBearer }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().at("/error/code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(response.header("X-Request-ID")).startsWith("req_");
		}
		assertThat(anonymous.post("/v1/cmdb/ci", Map.of("name", "sneaky", "type", "server")).status()).isEqualTo(401);
		assertThat(this.api.get("/v1/cmdb/ci?search=sneaky").json().get("data").isEmpty()).isTrue();
	}

	@Test
	void validationErrorNamesTheField() {
		JsonNode error = this.api.post("/v1/cmdb/ci", Map.of("name", "n", "type", "Bad")).json().get("error");
		assertThat(error.at("/details/0/field").asString()).isEqualTo("type");
		assertThat(error.at("/details/0/error").asString()).contains("Invalid CI type 'Bad'");
	}

	@Test
	void openApiDocumentDescribesTheApiAndItsScopes() {
		Response document = new ApiClient(this.port, null).get("/v1/openapi.json");
		assertThat(document.status()).isEqualTo(200);
		JsonNode openapi = document.json();
		assertThat(openapi.get("openapi").asString()).startsWith("3.1");
		assertThat(openapi.at("/paths/~1v1~1cmdb~1ci/get/x-required-scope").asString()).isEqualTo("cmdb.read");
		assertThat(openapi.at("/paths/~1v1~1cmdb~1ci/post/x-required-scope").asString()).isEqualTo("cmdb.write");
		assertThat(openapi.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(new ApiClient(this.port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	private long total() {
		return Long.parseLong(this.api.get("/v1/cmdb/ci?limit=1").header("X-Total-Count"));
	}

}
