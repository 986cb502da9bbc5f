package io.nopesight.api.discovery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.api.ChildNode;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in a child JVM is killed (SIGKILL) in the middle of a discovery job and started again on
 * the same data folder: the restarted node knows the scan's work item was its own, takes it up at once, and
 * the job resumes from its last committed chunk; the CMDB it leaves equals that of a run that was never
 * interrupted.
 */
class DiscoveryJobKillIntegrationTests {

	private static final int HOSTS = 20_000;

	@Test
	void jobWhenServerIsKilledMidwayResumesAndEndsLikeAnUninterruptedRun() throws Exception {
		// given
		byte[] scan = scan();
		String killedUrl = PostgresForTests.freshSchemaUrl();
		String cleanUrl = PostgresForTests.freshSchemaUrl();
		Path killedData = PostgresForTests.freshDataDir();
		// when: submitted, killed once some chunks are committed, restarted
		ChildNode first = start(killedUrl, killedData);
		String scanId;
		int seenAtKill;
		try {
			scanId = submit(first, scan);
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20))
				.until(() -> hostsSeen(killedUrl, scanId) >= HOSTS / 5);
		}
		finally {
			first.kill();
		}
		seenAtKill = hostsSeen(killedUrl, scanId);
		ChildNode second = start(killedUrl, killedData);
		try {
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
				.until(() -> "completed".equals(status(killedUrl, scanId)));
		}
		finally {
			second.kill();
		}
		ChildNode clean = start(cleanUrl, PostgresForTests.freshDataDir());
		String cleanScanId;
		try {
			cleanScanId = submit(clean, scan);
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
				.until(() -> "completed".equals(status(cleanUrl, cleanScanId)));
		}
		finally {
			clean.kill();
		}
		// then
		assertThat(seenAtKill).isGreaterThan(0).isLessThan(HOSTS);
		assertThat(counts(killedUrl, scanId)).isEqualTo(counts(cleanUrl, cleanScanId));
		assertThat(counts(killedUrl, scanId)).startsWith(HOSTS + ",");
		List<String> killedCmdb = cmdb(killedUrl);
		assertThat(killedCmdb).hasSize(cmdb(cleanUrl).size());
		assertThat(killedCmdb).isEqualTo(cmdb(cleanUrl));
	}

	private static byte[] scan() {
		List<Map<String, Object>> hosts = new ArrayList<>();
		for (int i = 0; i < HOSTS; i++) {
			Map<String, Object> host = new LinkedHashMap<>();
			// every tenth host is an earlier host (same MAC) seen again at a new address
			int identity = (i % 10 == 9 && i >= 500) ? i - 450 : i;
			host.put("ip_address", "10." + (i / 65536 + 100) + "." + (i / 256 % 256) + "." + (i % 256));
			host.put("hostname", "kill-host-" + identity + ".corp.example");
			host.put("mac_address", String.format("02:00:00:%02X:%02X:%02X", identity >> 16 & 255, identity >> 8 & 255,
					identity & 255));
			host.put("open_ports", List.of(22, 443 + i % 3));
			host.put("os_guess", (i % 7 == 0) ? "Windows 10" : "Linux");
			hosts.add(host);
		}
		return JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("scan_type", "network", "scanner_id", "agent_kill", "timestamp",
					"2026-10-31T18:00:00Z", "data", Map.of("discovered_hosts", hosts)))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String submit(ChildNode node, byte[] scan) {
		Response accepted = node.api()
			.send("POST", "/v1/discovery/scan-data", Map.of("Content-Type", "application/json"), scan);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("scan_id").asString();
	}

	private static ChildNode start(String url, Path dataDir) throws Exception {
		return ChildNode.start(url, dataDir, "--nopesight.discovery.chunk-size=200");
	}

	private static int hostsSeen(String url, String scanId) throws Exception {
		return Integer.parseInt(query(url, "SELECT hosts_seen FROM discovery_scan WHERE id = '" + scanId + "'").get(0));
	}

	private static String status(String url, String scanId) throws Exception {
		return query(url, "SELECT status FROM discovery_scan WHERE id = '" + scanId + "'").get(0);
	}

	private static String counts(String url, String scanId) throws Exception {
		return query(url, "SELECT concat_ws(',', hosts_seen, cis_created, cis_updated, cis_unchanged, conflicts)"
				+ " FROM discovery_scan WHERE id = '" + scanId + "'").get(0);
	}

	private static List<String> cmdb(String url) throws Exception {
		return query(url, "SELECT concat_ws('|', type, name, status, attributes::text) FROM configuration_item"
				+ " ORDER BY type, name");
	}

	private static List<String> query(String url, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, PostgresForTests.user(), "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}
