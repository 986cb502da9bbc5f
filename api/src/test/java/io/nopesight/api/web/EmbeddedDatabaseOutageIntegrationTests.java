package io.nopesight.api.web;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.core.PostgresForTests;
import io.nopesight.core.database.DatabaseConfiguration.EmbeddedPostgresHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL's server process is killed under a stream of writes: requests are answered 503
 * with {@code Retry-After} in the API's format while it is away, the application starts it again on the same
 * cluster by itself, requests succeed again without a restart of the JVM, and every write that was
 * acknowledged is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nopesight.db.url=", "nopesight.admin.token=" + ApiClient.ADMIN_TOKEN,
				"nopesight.metrics.retention-cron=-", "nopesight.discovery.connection-retention-cron=-",
				// long enough that the outage is seen however fast the restart would be
				"nopesight.db.restart-delay=3s", "nopesight.rate-limit.enabled=false" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmbeddedDatabaseOutageIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Path DATA = PostgresForTests.freshDataDir();

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("nopesight.data-dir", DATA::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgresHolder embedded;

	@Test
	void postmasterWhenKilledIsAnswered503ThenRestartedWithEveryAcknowledgedWriteKept() throws Exception {
		// given
		ApiClient api = ApiClient.admin(this.port);
		assertThat(api.get("/v1/cmdb/ci").status()).isEqualTo(200);
		ProcessHandle postmaster = this.embedded.server().postmaster().orElseThrow();
		AcknowledgedWrites writes = new AcknowledgedWrites(api, "OUTAGE-EMBEDDED");
		try {
			await().atMost(PATIENCE).until(() -> writes.acknowledgedCount() >= 20);
			// when
			postmaster.destroyForcibly();
			// then
			await().atMost(PATIENCE).until(() -> api.get("/v1/cmdb/ci").status() == 503);
			await().atMost(PATIENCE).until(() -> api.get("/v1/cmdb/ci").status() == 200);
			int before = writes.acknowledgedCount();
			await().atMost(PATIENCE).until(() -> writes.acknowledgedCount() >= before + 20);
			writes.stop();
			assertOutageAnswers(writes);
			// the search index follows the outbox in the background: every acknowledged write is found once it has
			await().atMost(PATIENCE).untilAsserted(writes::assertAllPresent);
		}
		finally {
			writes.stop();
		}
		assertThat(this.embedded.server().postmaster()).hasValueSatisfying(
				(restarted) -> assertThat(restarted.pid()).isNotEqualTo(postmaster.pid()));
	}

	static void assertOutageAnswers(AcknowledgedWrites writes) {
		for (Response response : writes.refused()) {
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.header("Retry-After")).isNotBlank();
			assertThat(response.header("Content-Type")).startsWith("application/json");
			assertThat(response.json().get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		}
		assertThat(writes.refused()).as("writes refused during the outage").isNotEmpty();
	}

}
