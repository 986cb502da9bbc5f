package io.nopesight.api.work;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ChildNode;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes, each in its own JVM, on one database: scans and metric imports submitted to
 * either are run once each, by one node or the other, and a scan whose node is killed with SIGKILL half-way
 * is finished by the other node once the dead node's lease has lapsed.
 */
class TwoNodeWorkIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	private static final String[] SETTINGS = { "--nopesight.work.lease=3s", "--nopesight.work.poll-interval=200ms",
			"--nopesight.discovery.chunk-size=200", "--nopesight.rate-limit.enabled=false" };

	private final List<ChildNode> nodes = new ArrayList<>();

	private final String url = PostgresForTests.freshSchemaUrl();

	@AfterEach
	void stopNodes() throws InterruptedException {
		for (ChildNode node : this.nodes) {
			node.kill();
		}
	}

	@Test
	void scansAndImportsSubmittedToEitherNodeAreEachRunOnceAndAKilledNodesScanIsFinishedByTheOther()
			throws Exception {
		// given
		ChildNode a = start("a");
		ChildNode b = start("b");
		String nodeA = a.workerId();
		String nodeB = b.workerId();
		// when: a scan keeps A's only scan worker busy, a second one submitted to A can only be run by B
		String first = submitScan(a, 20_000, "first", 11);
		await().atMost(PATIENCE).until(() -> nodeA.equals(claimedBy(first)) || nodeB.equals(claimedBy(first)));
		ChildNode busy = nodeA.equals(claimedBy(first)) ? a : b;
		String second = submitScan(busy, 2_000, "second", 12);
		List<String> scans = new ArrayList<>(List.of(first, second));
		for (int i = 0; i < 6; i++) {
			scans.add(submitScan((i % 2 == 0) ? a : b, 300, "batch" + i, 20 + i));
		}
		List<String> imports = List.of(submitImport(a, "import-a"), submitImport(b, "import-b"));
		// then
		await().atMost(PATIENCE).until(() -> scans.stream().allMatch((id) -> "completed".equals(scanStatus(id))));
		await().atMost(PATIENCE).until(() -> imports.stream().allMatch((id) -> "completed".equals(importStatus(id))));
		assertThat(claimedBy(second)).as("the busy node's second scan").isNotEqualTo(claimedBy(first));
		for (String id : scans) {
			assertThat(query("SELECT attempts || ' ' || status FROM work_item WHERE subject_id = ?", id))
				.as("work item of %s", id)
				.isEqualTo("1 done");
			assertThat(executions("discoveryScanJob", "scanId", id)).as("job executions of %s", id).isEqualTo(1);
			assertThat(claimedBy(id)).isIn(nodeA, nodeB);
		}
		for (String id : imports) {
			assertThat(executions("metricImportJob", "importId", id)).as("job executions of %s", id).isEqualTo(1);
			assertThat(query("SELECT rows_written::text FROM metric_import WHERE id = ?", id)).isEqualTo("48");
		}

		// when: the node running a large scan is killed half-way
		String large = submitScan(a, 20_000, "large", 30);
		await().atMost(PATIENCE).until(() -> hostsSeen(large) >= 4_000);
		String victim = claimedBy(large);
		ChildNode killed = victim.equals(nodeA) ? a : b;
		String survivor = victim.equals(nodeA) ? nodeB : nodeA;
		killed.kill();
		int seenAtKill = hostsSeen(large);
		// then: the other node takes it over once the lease lapses, and finishes it once
		await().atMost(PATIENCE).until(() -> "completed".equals(scanStatus(large)));
		assertThat(seenAtKill).isLessThan(20_000);
		assertThat(query("SELECT attempts || ' ' || status || ' ' || claimed_by FROM work_item WHERE subject_id = ?",
				large))
			.isEqualTo("2 done " + survivor);
		assertThat(query("SELECT hosts_seen || ',' || cis_created FROM discovery_scan WHERE id = ?", large))
			.isEqualTo("20000,20000");
		assertThat(query("SELECT count(*)::text FROM configuration_item WHERE name LIKE 'large-host-%'", null))
			.isEqualTo("20000");
		assertThat(executions("discoveryScanJob", "scanId", large)).as("the dead run and its restart").isEqualTo(2);
	}

	private ChildNode start(String name) throws Exception {
		Path dataDir = PostgresForTests.freshDataDir().resolve(name);
		ChildNode node = ChildNode.start(this.url, dataDir, SETTINGS);
		this.nodes.add(node);
		return node;
	}

	/**
	 * A scan of {@code hosts} new hosts, on addresses {@code 10.<octet>.x.y} and MACs of their own.
	 */
	private static String submitScan(ChildNode node, int hosts, String prefix, int octet) {
		List<Map<String, Object>> discovered = new ArrayList<>();
		for (int i = 0; i < hosts; i++) {
			Map<String, Object> host = new LinkedHashMap<>();
			host.put("ip_address", "10." + octet + "." + (i / 256) + "." + (i % 256));
			host.put("hostname", prefix + "-host-" + i + ".corp.example");
			host.put("mac_address", String.format("02:%02X:00:%02X:%02X:%02X", octet, i >> 16 & 255, i >> 8 & 255,
					i & 255));
			host.put("open_ports", List.of(22));
			discovered.add(host);
		}
		byte[] scan = JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("scan_type", "network", "scanner_id", "two-nodes", "timestamp",
					"2026-11-30T18:00:00Z", "data", Map.of("discovered_hosts", discovered)))
			.getBytes(StandardCharsets.UTF_8);
		Response accepted = node.api()
			.send("POST", "/v1/discovery/scan-data", Map.of("Content-Type", "application/json"), scan);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("scan_id").asString();
	}

	private static String submitImport(ChildNode node, String ciName) {
		ApiClient api = node.api();
		Response created = api.post("/v1/cmdb/ci", Map.of("name", ciName, "type", "server"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		StringBuilder csv = new StringBuilder("ci,metric,timestamp,value\n");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
		for (int i = 0; i < 48; i++) {
			csv.append(ciName).append(",cpu_usage,").append(hour.plusSeconds(i * 60L)).append(',').append(i).append('\n');
		}
		Response accepted = api.send("POST", "/v1/metrics/import", Map.of("Content-Type", "text/csv"),
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

	private String scanStatus(String id) {
		return query("SELECT status FROM discovery_scan WHERE id = ?", id);
	}

	private String importStatus(String id) {
		return query("SELECT status FROM metric_import WHERE id = ?", id);
	}

	private String claimedBy(String subject) {
		return String.valueOf(query("SELECT claimed_by FROM work_item WHERE subject_id = ?", subject));
	}

	private int hostsSeen(String scanId) {
		return Integer.parseInt(query("SELECT hosts_seen::text FROM discovery_scan WHERE id = ?", scanId));
	}

	private int executions(String job, String parameter, String value) {
		return Integer.parseInt(query("""
				SELECT count(*)::text FROM batch_job_execution e
				JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE i.job_name = '%s' AND p.parameter_name = '%s' AND p.parameter_value = ?
				""".formatted(job, parameter), value));
	}

	private String query(String sql, String parameter) {
		try (Connection connection = DriverManager.getConnection(this.url, PostgresForTests.user(), "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
