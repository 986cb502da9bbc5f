package io.nopesight.api.nlq;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd input to {@code POST /v1/reports/ai/query}: a clean 4xx in the API's error format or a
 * correct answer, never a 500, and never a query that the input changed.
 */
@ApiIntegrationTest
class AdversarialQuestionsApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	private Response ask(String question) {
		return this.api.post("/v1/reports/ai/query", Map.of("query", question));
	}

	@Test
	void sqlAndLuceneSyntaxIsRefusedAndChangesNothing() {
		long before = this.jdbc.sql("SELECT count(*) FROM configuration_item").query(Long.class).single();
		for (String question : List.of("servers'; DROP TABLE configuration_item; --", "servers\" OR 1=1 --",
				"servers in production' UNION SELECT token_hash FROM api_token --", "name:PROD* AND type:server~",
				"servers with os:(Windows OR Ubuntu)^2", "servers in DC1) OR (1=1")) {
			Response response = ask(question);
			assertThat(response.status()).as(question + " " + response.body()).isEqualTo(422);
			assertThat(response.json().at("/error/code").asString()).isEqualTo("QUERY_NOT_UNDERSTOOD");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM configuration_item").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void emptyHugeAndControlCharacterQuestionsAre400() {
		Response empty = ask("   ");
		Response huge = ask("servers ".repeat(13_000));
		Response control = ask("servers\u0000 in production");
		Response missing = this.api.post("/v1/reports/ai/query", Map.of());
		assertThat(List.of(empty, huge, control, missing)).allSatisfy((r) -> {
			assertThat(r.status()).as(r.body()).isEqualTo(400);
			assertThat(r.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(r.json().at("/error/details/0/field").asString()).isEqualTo("query");
		});
	}

	@Test
	void withoutWhenThePartIsNotInTheReadingIs400NamingWithout() {
		for (List<String> without : List.of(List.of("filters/7"), List.of("group_by"), List.of("nonsense"),
				List.of("filters/0"))) {
			Response response = this.api.post("/v1/reports/ai/query",
					Map.of("query", "servers in production", "without", without));
			assertThat(response.status()).as(without + " " + response.body()).isEqualTo(400);
			assertThat(response.json().at("/error/details/0/field").asString()).isEqualTo("without");
		}
	}

	@Test
	void otherLanguagesAreRefusedWithSuggestionsAndAnUnknownValueAnswersEmpty() {
		for (String question : List.of("¿Cuántos servidores hay en producción?", "本番環境のサーバーはいくつありますか",
				"Wie viele Server gibt es?")) {
			Response response = ask(question);
			assertThat(response.status()).as(question).isEqualTo(422);
			assertThat(response.json().at("/error/details/0/error").asString()).startsWith("try: ");
		}
		Response nobody = ask("servers with IP 203.0.113.77");
		assertThat(nobody.status()).isEqualTo(200);
		assertThat(nobody.json().get("results")).isEmpty();
	}

	@Test
	void aTokenWithOnlyReportsQueryMayAsk() {
		Response key = this.api.post("/v1/auth/api-keys", Map.of("name", "nlq-analyst", "scopes", List.of("reports.query")));
		assertThat(key.status()).as(key.body()).isEqualTo(201);
		ApiClient analyst = this.api.withToken(key.json().get("token").asString());
		assertThat(analyst.post("/v1/reports/ai/query", Map.of("query", "how many servers")).status()).isEqualTo(200);
		Response readOnly = this.api.post("/v1/auth/api-keys", Map.of("name", "nlq-reader", "scopes", List.of("cmdb.read")));
		ApiClient reader = this.api.withToken(readOnly.json().get("token").asString());
		assertThat(reader.post("/v1/reports/ai/query", Map.of("query", "how many servers")).status()).isEqualTo(403);
	}

}
