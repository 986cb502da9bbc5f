package io.nopesight.api.cmdb;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiWebTest;
import io.nopesight.core.ConflictException;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItemNotFoundException;
import io.nopesight.core.cmdb.RelationshipManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * What the web layer decides on its own: bodies it cannot read, query parameters and path values it
 * refuses, wrong methods and media types, each in the standard error format and without reaching the core;
 * and how the core's refusals come out. Bad input only the core or the database can judge is in
 * {@link ApiErrorsIntegrationTests}.
 */
@ApiWebTest({ ConfigurationItemController.class, RelationshipController.class, IpLookupController.class })
class ConfigurationItemControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	CmdbManagement cmdb;

	@MockitoBean
	RelationshipManagement relationships;

	static Stream<Arguments> badRequests() {
		String json = "application/json";
		return Stream.of(
				Arguments.of("malformed JSON", "POST", "/v1/cmdb/ci", json, "{\"name\": \"x\", ", 400, "VALIDATION_ERROR"),
				Arguments.of("not an object", "POST", "/v1/cmdb/ci", json, "[1,2]", 400, "VALIDATION_ERROR"),
				Arguments.of("empty body", "POST", "/v1/cmdb/ci", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("attributes not an object", "POST", "/v1/cmdb/ci", json,
						"{\"name\":\"n\",\"type\":\"server\",\"attributes\":\"big\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("name not a string", "POST", "/v1/cmdb/ci", json,
						"{\"name\":{\"a\":1},\"type\":\"server\"}", 400, "VALIDATION_ERROR"),
				Arguments.of("wrong content type", "POST", "/v1/cmdb/ci", "text/plain", "name=x", 415,
						"UNSUPPORTED_MEDIA_TYPE"),
				Arguments.of("unknown sort", "GET", "/v1/cmdb/ci?sort=password", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad order", "GET", "/v1/cmdb/ci?order=sideways", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("page not a number", "GET", "/v1/cmdb/ci?page=two", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("page zero", "GET", "/v1/cmdb/ci?page=0", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("limit over max", "GET", "/v1/cmdb/ci?limit=101", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad status filter", "GET", "/v1/cmdb/ci?status=gone", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("method not allowed", "PATCH", "/v1/cmdb/ci", json, "{}", 405, "METHOD_NOT_ALLOWED"),
				Arguments.of("relationship bad confidence", "POST", "/v1/cmdb/relationships", json,
						"{\"type\":\"runs_on\",\"source_ci\":\"a\",\"target_ci\":\"b\",\"confidence\":\"high\"}", 400,
						"VALIDATION_ERROR"),
				Arguments.of("bad IP", "GET", "/v1/api/ci/find-by-ip/999.1.1.1", json, "", 400, "VALIDATION_ERROR"),
				Arguments.of("bad include_ai", "GET", "/v1/cmdb/relationships?include_ai=maybe", json, "", 400,
						"VALIDATION_ERROR"));
	}

	@ParameterizedTest(name = "{0} -> {5}")
	@MethodSource("badRequests")
	void badRequestGetsStandardErrorAndNeverReachesTheCore(String what, String method, String path,
			String contentType, String body, int status, String code) throws Exception {
		// given
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
		// when
		MvcTestResult response = this.mvc.perform(asAdmin(request).header("X-Request-ID", "req-test-" + status)
			.contentType(contentType)
			.content(body));
		// then
		assertThat(response).as(what).hasStatus(status);
		assertError(response, code, "req-test-" + status);
		assertThat(response.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at io.");
		then(this.cmdb).shouldHaveNoInteractions();
		then(this.relationships).shouldHaveNoInteractions();
	}

	@Test
	void createWhenTheCoreRefusesAFieldAnswers400NamingIt() {
		// given
		given(this.cmdb.create(any(), any())).willThrow(new InvalidInputException("type", "Invalid CI type 'Bad'"));
		// when
		MvcTestResult response = this.mvc.perform(asAdmin(MockMvcRequestBuilders.post("/v1/cmdb/ci"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"n\",\"type\":\"Bad\"}"));
		// then
		assertThat(response).hasStatus(400);
		assertError(response, "VALIDATION_ERROR", null);
		assertThat(response).bodyJson().extractingPath("$.error.details[0].field").isEqualTo("type");
		assertThat(response).bodyJson().extractingPath("$.error.details[0].error").isEqualTo("Invalid CI type 'Bad'");
	}

	@Test
	void createWhenTheNameIsTakenAnswers409() {
		// given
		given(this.cmdb.create(any(), any()))
			.willThrow(new ConflictException("A server named 'TAKEN-01' already exists"));
		// when
		MvcTestResult response = this.mvc.perform(asAdmin(MockMvcRequestBuilders.post("/v1/cmdb/ci"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"TAKEN-01\",\"type\":\"server\"}"));
		// then
		assertThat(response).hasStatus(409);
		assertError(response, "CONFLICT", null);
	}

	@Test
	void getWhenTheCiIsMissingAnswers404() {
		// given
		given(this.cmdb.get("ci_gone")).willThrow(new ConfigurationItemNotFoundException("ci_gone"));
		// when
		MvcTestResult response = this.mvc.perform(asAdmin(MockMvcRequestBuilders.get("/v1/cmdb/ci/ci_gone")));
		// then
		assertThat(response).hasStatus(404);
		assertError(response, "RESOURCE_NOT_FOUND", null);
	}

	@Test
	void requestWhenTokenIsMissingGets401AndNeverReachesTheCore() {
		// when
		MvcTestResult response = this.mvc.perform(MockMvcRequestBuilders.get("/v1/cmdb/ci"));
		// then
		assertThat(response).hasStatus(401);
		assertThat(response).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nopesight\"");
		assertError(response, "AUTHENTICATION_REQUIRED", null);
		then(this.cmdb).shouldHaveNoInteractions();
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN);
	}

	private static void assertError(MvcTestResult response, String code, String requestId) {
		assertThat(response.getResponse().getContentType()).startsWith("application/json");
		assertThat(response).bodyJson().extractingPath("$.error.code").isEqualTo(code);
		assertThat(response).bodyJson().extractingPath("$.error.message").asString().isNotBlank();
		assertThat(response).bodyJson()
			.extractingPath("$.error.documentation_url")
			.asString()
			.endsWith("#" + code);
		assertThat(response).bodyJson().extractingPath("$.error.details").asArray();
		String id = response.getResponse().getHeader("X-Request-ID");
		assertThat(id).isNotNull();
		if (requestId != null) {
			assertThat(id).isEqualTo(requestId);
		}
		assertThat(response).bodyJson().extractingPath("$.error.request_id").isEqualTo(id);
	}

}
