package io.nopesight.batch.metric;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.BatchJobsTestApplication;
import io.nopesight.core.PostgresForTests;
import io.nopesight.core.TestDatabase;
import io.nopesight.core.cmdb.CmdbManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the demo import in a separate JVM, kills it with SIGKILL (or shuts it down with SIGTERM) halfway,
 * starts a new JVM on the same database and data folder, and compares what ends up stored with an uninterrupted import of the same
 * file (in this JVM, on its own schema): every raw row, every roll-up and the import's counters.
 */
@SpringBootTest
class MetricImportCrashIntegrationTests {

	private static final String RAW_FINGERPRINT = """
			SELECT count(*) || ':' || md5(string_agg(c.name || '|' || s.metric || '|' || extract(epoch FROM m.ts) || '|' || m.value,
			       ',' ORDER BY c.name, s.metric, m.ts))
			FROM metric_sample m JOIN metric_series s ON s.id = m.series_id JOIN configuration_item c ON c.id = s.ci_id
			""";

	private static final String ROLLUP_FINGERPRINT = """
			SELECT count(*) || ':' || md5(string_agg(c.name || '|' || s.metric || '|' || extract(epoch FROM h.hour) || '|'
			       || h.count || '|' || h.min || '|' || h.max || '|' || round(h.sum::numeric, 6) || '|' || h.last_value,
			       ',' ORDER BY c.name, s.metric, h.hour))
			FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id JOIN configuration_item c ON c.id = s.ci_id
			""";

	private static final String COUNTERS = """
			SELECT status || ' read=' || rows_read || ' written=' || rows_written || ' skipped=' || rows_skipped
			FROM metric_import
			""";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	MetricImports imports;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stopChildren() {
		this.children.forEach(Process::destroyForcibly);
	}

	@Test
	void importWhenTheProcessIsKilledMidwayEndsWithTheRowsOfAnUninterruptedImport() throws Exception {
		interruptAndResume(true);
	}

	@Test
	void importWhenTheProcessIsShutDownMidwayEndsWithTheRowsOfAnUninterruptedImport() throws Exception {
		// a graceful shutdown lets the running import finish or leaves it to the next start; either way
		// the second process ends with the same rows
		interruptAndResume(false);
	}

	private void interruptAndResume(boolean kill) throws Exception {
		// given: the reference, imported without interruption
		if (this.cmdb.findByName("VMWARE-HOST-01").isEmpty()) {
			DemoEstateFixture.load(this.cmdb);
			String referenceId = this.imports.start(DemoEstateFixture.demoMetrics(), MetricImportFormat.CSV, null, "test")
				.id();
			await().atMost(Duration.ofMinutes(3)).until(() -> this.imports.get(referenceId).status().equals("completed"));
		}
		String url = PostgresForTests.freshSchemaUrl();
		Path dataDir = PostgresForTests.freshDataDir();
		String name = kill ? "killed" : "stopped";
		// when: the first process is killed (SIGKILL) or shut down (SIGTERM) mid-import
		Process first = child(url, dataDir, name + "-first", "--nopesight.test.start-demo-import=true");
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
			.until(() -> queryOrNull(url, "SELECT rows_read FROM metric_import"), (read) -> read != null && Long.parseLong(read) >= 60_000);
		if (kill) {
			first.destroyForcibly();
		}
		else {
			first.destroy();
		}
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isEqualTo(kill ? 137 : 143);
		String atStop = query(url, COUNTERS);
		// and a second process on the same data folder (so the same node, which knows its previous run died)
		// takes the import up again at once
		child(url, dataDir, name + "-second");
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
			.until(() -> query(url, COUNTERS), (counters) -> !counters.startsWith("running"));
		// then
		if (kill) {
			assertThat(atStop).startsWith("running").isNotEqualTo("running read=235440 written=235440 skipped=0");
		}
		assertThat(query(url, COUNTERS)).isEqualTo("completed read=235440 written=235440 skipped=0");
		assertThat(query(url, RAW_FINGERPRINT)).isEqualTo(this.jdbc.sql(RAW_FINGERPRINT).query(String.class).single())
			.startsWith("235440:");
		assertThat(query(url, ROLLUP_FINGERPRINT))
			.isEqualTo(this.jdbc.sql(ROLLUP_FINGERPRINT).query(String.class).single());
		if (kill) {
			// the dead execution was recovered and the job instance restarted, not started afresh
			assertThat(query(url, "SELECT count(*) || ' executions, ' || count(DISTINCT job_instance_id) || ' instance' FROM batch_job_execution"))
				.isEqualTo("2 executions, 1 instance");
		}
	}

	private Process child(String url, Path dataDir, String name, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(), "-cp",
				System.getProperty("java.class.path"), BatchJobsTestApplication.class.getName(),
				"--nopesight.db.url=" + url, "--nopesight.db.user=" + PostgresForTests.user(),
				"--nopesight.data-dir=" + dataDir, "--nopesight.metrics.import.chunk-size=2000"));
		command.addAll(List.of(args));
		File log = Path.of("target", "crash-test-" + name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		this.children.add(process);
		return process;
	}

	private static String query(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, PostgresForTests.user(), "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static String queryOrNull(String url, String sql) {
		try {
			return query(url, sql);
		}
		catch (SQLException ex) {
			// the child has not created the tables yet
			return null;
		}
	}

}
