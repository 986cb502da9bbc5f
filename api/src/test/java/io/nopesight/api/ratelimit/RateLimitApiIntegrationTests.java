package io.nopesight.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.NopeSightApplication;
import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.PostgresForTests;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys are limited to 5 requests a minute (50 an hour) here, so a burst runs out quickly. The tests stop
 * the application's clock, so no token comes back into a bucket while they count; and a request waits for a
 * top-up on its way however slow the database is, so requests are admitted in the order they are sent.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { RateLimitApiIntegrationTests.PER_MINUTE, RateLimitApiIntegrationTests.PER_HOUR,
		RateLimitApiIntegrationTests.REFILL_WAIT, RateLimitApiIntegrationTests.LOOPBACK })
class RateLimitApiIntegrationTests {

	static final String PER_MINUTE = "nopesight.rate-limit.api-key.per-minute=5";

	static final String PER_HOUR = "nopesight.rate-limit.api-key.per-hour=50";

	static final String REFILL_WAIT = "nopesight.rate-limit.refill-wait=5m";

	static final String LOOPBACK = "server.address=127.0.0.1";

	// what a second node must share with this one to count against the same buckets
	private static final List<String> SHARED = List.of("nopesight.db.url", "nopesight.db.user",
			"nopesight.db.pool-size", "nopesight.admin.token");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	TestClock clock;

	ApiClient admin;

	@BeforeEach
	void client() {
		this.admin = ApiClient.admin(this.port);
	}

	@AfterEach
	void runTheClock() {
		this.clock.unfreeze();
	}

	@Test
	void callWhenBurstGoesPastTheLimitGets429WithRetryAfterAndHeaders() {
		// given
		ApiClient key = this.admin.withToken(apiKey("burst"));
		this.clock.freeze();
		// when
		List<Response> responses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			responses.add(key.get("/v1/cmdb/ci"));
		}
		// then
		assertThat(responses).extracting(Response::status).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
		for (Response response : responses) {
			assertThat(response.header("X-RateLimit-Limit")).isEqualTo("5");
			assertThat(response.header("X-RateLimit-Remaining")).isNotNull();
			assertThat(Long.parseLong(response.header("X-RateLimit-Reset"))).isBetween(0L, 60L);
			assertThat(response.header("RateLimit-Policy")).isEqualTo("\"burst\";q=5;w=60, \"hourly\";q=50;w=3600");
			assertThat(response.header("RateLimit")).matches("\"burst\";r=\\d+;t=\\d+");
		}
		Response refused = responses.get(5);
		assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(responses.subList(5, 8)).extracting((response) -> response.header("Retry-After"))
			.as("seconds until the next of 5 tokens a minute")
			.containsOnly("12");
		assertThat(refused.json().at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(refused.json().at("/error/request_id").asString()).isEqualTo(refused.header("X-Request-ID"));
		assertThat(this.admin.withToken(apiKey("another")).get("/v1/cmdb/ci").status())
			.as("each token has its own bucket")
			.isEqualTo(200);
		// when: the clock reaches the next token, and no further
		this.clock.advance(Duration.ofSeconds(11));
		Response early = key.get("/v1/cmdb/ci");
		this.clock.advance(Duration.ofSeconds(1));
		Response onTime = key.get("/v1/cmdb/ci");
		Response after = key.get("/v1/cmdb/ci");
		// then
		assertThat(early.status()).isEqualTo(429);
		assertThat(early.header("Retry-After")).isEqualTo("1");
		assertThat(onTime.status()).isEqualTo(200);
		assertThat(after.status()).isEqualTo(429);
	}

	@Test
	void callWhenAdminCarriesTheRateLimitHeaders() {
		// when
		Response response = this.admin.get("/v1/cmdb/ci");
		// then
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10000");
		assertThat(response.header("RateLimit-Policy")).contains("q=100000;w=3600");
	}

	@Test
	void callWhenTwoNodesShareTheDatabaseHoldsTheLimitAcrossBoth() {
		Map<String, Object> second = new LinkedHashMap<>();
		for (String property : List.of(PER_MINUTE, PER_HOUR, REFILL_WAIT, LOOPBACK)) {
			second.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		SHARED.forEach((name) -> second.put(name, this.environment.getRequiredProperty(name)));
		second.put("server.port", "0");
		second.put("nopesight.data-dir", PostgresForTests.freshDataDir().toString());
		// command-line arguments, since default properties would lose to application.yml
		String[] arguments = second.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		// the second node reads this node's clock, so both see the same stopped time
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(NopeSightApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", (Clock) this.clock))
			.run(arguments)) {
			// given
			int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
			String token = apiKey("shared");
			List<ApiClient> nodes = List.of(new ApiClient(this.port, token), new ApiClient(otherPort, token));
			this.clock.freeze();
			// when
			int[] allowed = new int[2];
			int[] refused = new int[2];
			for (int i = 0; i < 16; i++) {
				Response response = nodes.get(i % 2).get("/v1/cmdb/ci");
				assertThat(response.status()).isIn(200, 429);
				if (response.status() == 200) {
					allowed[i % 2]++;
				}
				else {
					refused[i % 2]++;
					assertThat(response.header("Retry-After")).isNotNull();
				}
			}
			// then: a token a node took for its reserve and never spent is lost, never counted twice
			assertThat(allowed[0] + allowed[1]).as("admitted across both nodes").isBetween(3, 5);
			assertThat(allowed[0]).isPositive();
			assertThat(allowed[1]).isPositive();
			assertThat(refused[0]).isPositive();
			assertThat(refused[1]).isPositive();
			assertThat(this.jdbc.sql("SELECT count(*) FROM rate_limit_bucket WHERE id = (SELECT id FROM access_token "
					+ "WHERE name = 'shared')").query(Long.class).single()).isEqualTo(1);
			this.clock.unfreeze();
			revokeWhenMadeOnOneNodeIsSeenByTheOther(otherPort);
		}
	}

	// the other node caches the token it has seen; the revoke's NOTIFY empties that cache
	private void revokeWhenMadeOnOneNodeIsSeenByTheOther(int otherPort) {
		// given
		Response account = this.admin.post("/v1/auth/service-accounts",
				Map.of("name", "two-node-bot", "scopes", List.of("cmdb.read")));
		String accountId = account.json().get("id").asString();
		Response key = this.admin.post("/v1/auth/service-accounts/" + accountId + "/keys", Map.of("name", "k"));
		ApiClient onOther = new ApiClient(otherPort, key.json().get("token").asString());
		assertThat(onOther.get("/v1/cmdb/ci?limit=1").status()).isEqualTo(200);
		assertThat(onOther.get("/v1/cmdb/ci?limit=1").status()).isEqualTo(200);
		// when
		this.admin.delete("/v1/auth/service-accounts/" + accountId + "/keys/" + key.json().get("id").asString());
		// then: the notification arrives, however long that takes on this machine; 200 until then
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(onOther.get("/v1/cmdb/ci?limit=1").status())
				.as("the revoked key on the other node")
				.isEqualTo(401));
	}

	private String apiKey(String name) {
		Response created = this.admin.post("/v1/auth/api-keys", Map.of("name", name, "scopes", List.of("cmdb.read")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

}
