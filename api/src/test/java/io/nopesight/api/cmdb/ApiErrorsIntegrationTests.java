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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiTestProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets the right 4xx in the standard error format and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "nopesight.api.max-body-size=64KB")
class ApiErrorsIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
	}

	@LocalServerPort
	int port;

	ApiClient api;

	String existing;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.admin(this.port);
		Response found = this.api.get("/v1/cmdb/ci?search=EXISTING-01");
		this.existing = (found.json().get("data").isEmpty())
				? this.api.post("/v1/cmdb/ci", Map.of("name", "EXISTING-01", "type", "server")).json().get("id").asString()
				: found.json().at("/data/0/id").asString();
	}

	static Stream<Arguments> badRequests() {
		String json = "application/json";
		return Stream.of(
				Arguments.of("malformed JSON", "POST", "/v1/cmdb/ci", json, "{\"name\": \"x\", ", 400, "VALIDATION_ERROR"),
				Arguments.of("not an object", "POST", "/v1/cmdb/ci", json, "[1,2]", 400, "VALIDATION_ERROR"),
				Arguments.of("empty body", "POST", "/v1/cmdb/ci", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("missing name", "POST", "/v1/cmdb/ci", json, "{\"type\":\"server\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("missing type", "POST", "/v1/cmdb/ci", json, "{\"name\":\"n\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("bad type", "POST", "/v1/cmdb/ci", json, "{\"name\":\"n\",\"type\":\"Bad Type\"}", 400,
						"VALIDATION_ERROR"),
				Arguments.of("bad status", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"n\",\"type\":\"server\",\"status\":\"broken\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("attributes not an object", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"n\",\"type\":\"server\",\"attributes\":\"big\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("name not a string", "POST", "/v1/cmdb/ci", json,
						"{\"name\":{\"a\":1},\"type\":\"server\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("duplicate name", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"EXISTING-01\",\"type\":\"server\"}", 409, "CONFLICT"),
				Arguments.of("wrong content type", "POST", "/v1/cmdb/ci", "text/plain", "name=x", 415,
						"UNSUPPORTED_MEDIA_TYPE"),
				Arguments.of("oversized body", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"big\",\"type\":\"server\",\"description\":\"" + "x".repeat(70_000) + "\"}", 413,
						"PAYLOAD_TOO_LARGE"),
				Arguments.of("unknown sort", "GET", "/v1/cmdb/ci?sort=password", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad order", "GET", "/v1/cmdb/ci?order=sideways", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("page not a number", "GET", "/v1/cmdb/ci?page=two", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("page zero", "GET", "/v1/cmdb/ci?page=0", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("limit over max", "GET", "/v1/cmdb/ci?limit=101", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad status filter", "GET", "/v1/cmdb/ci?status=gone", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("unknown CI", "GET", "/v1/cmdb/ci/ci_doesnotexist", json, "", 404, "RESOURCE_NOT_FOUND"),
				Arguments.of("unknown CI update", "PUT", "/v1/cmdb/ci/ci_doesnotexist", json, "{\"status\":\"active\"}",
						404, "RESOURCE_NOT_FOUND"),
				Arguments.of("unknown CI delete", "DELETE", "/v1/cmdb/ci/ci_doesnotexist", json, "", 404,
						"RESOURCE_NOT_FOUND"),
				Arguments.of("unknown path", "GET", "/v1/nothing/here", json, "", 404, "RESOURCE_NOT_FOUND"),
				Arguments.of("method not allowed", "PATCH", "/v1/cmdb/ci", json, "{}", 405, "METHOD_NOT_ALLOWED"),
				Arguments.of("relationship to missing CI", "POST", "/v1/cmdb/relationships", json,
						"{\"type\":\"runs_on\",\"source_ci\":\"ci_nope\",\"target_ci\":\"ci_nope2\"}", 400,
						"VALIDATION_ERROR"),
				Arguments.of("relationship bad confidence", "POST", "/v1/cmdb/relationships", json,
						"{\"type\":\"runs_on\",\"source_ci\":\"a\",\"target_ci\":\"b\",\"confidence\":\"high\"}", 400,
						"VALIDATION_ERROR"),
				Arguments.of("bad IP", "GET", "/v1/api/ci/find-by-ip/999.1.1.1", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad include_ai", "GET", "/v1/cmdb/relationships?include_ai=maybe", json, "", 400,
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
