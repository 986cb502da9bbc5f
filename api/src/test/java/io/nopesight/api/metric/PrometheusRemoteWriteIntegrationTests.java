package io.nopesight.api.metric;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real thing: Prometheus (Debian package {@code prometheus}) scrapes node_exporter
 * ({@code prometheus-node-exporter}) on loopback and remote-writes to this application, which files
 * the series under the CI whose IP is 127.0.0.1.
 */
@ApiIntegrationTest
class PrometheusRemoteWriteIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroy);
	}

	@Test
	void remoteWriteWhenPrometheusScrapesNodeExporterStoresItsSeriesUnderTheLoopbackCi() throws Exception {
		// given
		String ci = ApiClient.admin(this.port)
			.post("/v1/cmdb/ci", Map.of("name", "loopback-node", "type", "server", "attributes",
					Map.of("ip_address", "127.0.0.1")))
			.json()
			.get("id")
			.asString();
		Path dir = PostgresForTests.freshDataDir();
		int exporterPort = freePort();
		start(dir, "node-exporter", "prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + exporterPort,
				"--collector.disable-defaults", "--collector.cpu", "--collector.meminfo", "--collector.loadavg",
				"--collector.filesystem");
		Path config = dir.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				scrape_configs:
				  - job_name: node
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				remote_write:
				  - url: http://127.0.0.1:%d/v1/metrics/prometheus/write
				    authorization:
				      credentials: %s
				    queue_config:
				      batch_send_deadline: 1s
				""".formatted(exporterPort, this.port, ApiClient.ADMIN_TOKEN));
		// when
		start(dir, "prometheus", "prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
				"--web.listen-address=127.0.0.1:" + freePort());
		// then
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> this.jdbc.sql("""
				SELECT count(DISTINCT m.ts) FROM metric_sample m JOIN metric_series s ON s.id = m.series_id
				WHERE s.ci_id = :ci AND s.metric = 'node_load1'
				""").param("ci", ci).query(Long.class).single() >= 2);
		List<Map<String, Object>> cpu = this.jdbc.sql("""
				SELECT labels ->> 'mode' AS mode, labels ->> 'job' AS job FROM metric_series
				WHERE ci_id = :ci AND metric = 'node_cpu_seconds_total'
				""").param("ci", ci).query().listOfRows();
		assertThat(cpu).isNotEmpty();
		assertThat(cpu).extracting((row) -> row.get("mode")).contains("idle", "user", "system");
		assertThat(cpu).extracting((row) -> row.get("job")).containsOnly("node");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM metric_series WHERE ci_id = :ci AND labels ->> 'instance' IS NOT NULL
				""").param("ci", ci)
			.query(Long.class)
			.single()).isZero();
	}

	private void start(Path dir, String name, String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.start();
		this.processes.add(process);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
