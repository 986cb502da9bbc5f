package io.nopesight.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list with a time window reads {@code from} and {@code to} the same way: what one accepts, all
 * accept, and what one refuses, all refuse with the same message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeParametersApiIntegrationTests {

	private static final List<String> LISTS = List.of("/v1/audit?", "/v1/discovery/scans?",
			"/v1/metrics/summary?metric=cpu_usage&");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ApiTestProperties.register(registry);
	}

	@LocalServerPort
	int port;

	ApiClient admin;

	@BeforeEach
	void client() {
		this.admin = ApiClient.admin(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-01-20T15:30:00Z", "2024-01-20t15:30:00.123z", "2024-01-20 15:30:00+01:00",
			"2024-01-20", "1705764600" })
	void listWhenFromIsInAnAcceptedFormAnswersOk(String from) {
		for (String list : LISTS) {
			// when
			Response response = this.admin.get(list + "from=" + encoded(from));
			// then
			assertThat(response.status()).as(list + " " + response.body()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2024-01-20T15:30", "20.01.2024", "2024-01-20T15:30:00+0100",
			"1705764600000" })
	void listWhenFromIsInNoAcceptedFormRefusesItWithTheSameMessage(String from) {
		for (String list : LISTS) {
			// when
			Response response = this.admin.get(list + "from=" + encoded(from));
			// then
			assertThat(response.status()).as(list).isEqualTo(400);
			assertThat(response.json().at("/error/details/0/field").asString()).as(list).isEqualTo("from");
			assertThat(response.json().at("/error/details/0/error").asString()).as(list)
				.isEqualTo("Invalid from '" + from + "': use an RFC 3339 date-time such as 2024-01-20T15:30:00Z,"
						+ " a date such as 2024-01-20, or Unix epoch seconds");
		}
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
