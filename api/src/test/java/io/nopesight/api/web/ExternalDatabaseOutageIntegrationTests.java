package io.nopesight.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.api.ApiClient;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A configured (not embedded) PostgreSQL server is stopped under a stream of writes and started again, as an
 * operator or a failover would: while it is down requests are answered 503 in the API's format, and once it
 * is back the pool reconnects by itself and every acknowledged write is there. The server is a PostgreSQL of
 * the test's own on a port of its own, so the shared test database is never stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nopesight.admin.token=" + ApiClient.ADMIN_TOKEN, "nopesight.metrics.retention-cron=-",
				"nopesight.discovery.connection-retention-cron=-", "nopesight.db.user=postgres",
				"nopesight.rate-limit.enabled=false" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalDatabaseOutageIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Path CLUSTER = PostgresForTests.freshDataDir().resolve("external-postgres");

	private static final int PORT = freePort();

	private static EmbeddedPostgres server = startServer();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("nopesight.db.url", () -> "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres");
		registry.add("nopesight.data-dir", () -> CLUSTER.resolveSibling("app-data").toString());
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
	}

	@LocalServerPort
	int port;

	@Test
	void serverWhenStoppedAndStartedAgainIsAnswered503ThenReconnectedWithEveryAcknowledgedWriteKept()
			throws Exception {
		// given
		ApiClient api = ApiClient.admin(this.port);
		assertThat(api.get("/v1/cmdb/ci").status()).isEqualTo(200);
		AcknowledgedWrites writes = new AcknowledgedWrites(api, "OUTAGE-EXTERNAL");
		try {
			await().atMost(PATIENCE).until(() -> writes.acknowledgedCount() >= 20);
			// when
			server.close();
			await().atMost(PATIENCE).until(() -> api.get("/v1/cmdb/ci").status() == 503);
			await().atMost(PATIENCE).until(() -> writes.refused().size() >= 3);
			server = startServer();
			// then
			await().atMost(PATIENCE).until(() -> api.get("/v1/cmdb/ci").status() == 200);
			int before = writes.acknowledgedCount();
			await().atMost(PATIENCE).until(() -> writes.acknowledgedCount() >= before + 20);
			writes.stop();
			EmbeddedDatabaseOutageIntegrationTests.assertOutageAnswers(writes);
			// the search index follows the outbox in the background: every acknowledged write is found once it has
			await().atMost(PATIENCE).untilAsserted(writes::assertAllPresent);
		}
		finally {
			writes.stop();
		}
	}

	private static EmbeddedPostgres startServer() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(CLUSTER)
				.setCleanDataDirectory(false)
				.setPort(PORT)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofMinutes(2))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
