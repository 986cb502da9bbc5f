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

import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ChildNode;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in a child JVM is killed (SIGKILL), or stopped (SIGTERM), in the middle of a discovery
 * job and started again on the same data folder: after a kill the restarted node knows the scan's work item
 * was its own and takes it up at once; after a stop the item was put back. Either way the job resumes from
 * its last committed chunk, and the CMDB it leaves equals that of a run that was never interrupted.
 */
class DiscoveryJobKillIntegrationTests {

	private static final int HOSTS = 20_000;

	private static final byte[] SCAN = scan();

	// the uninterrupted run both cases are compared with, made once
	private static String cleanUrl;

	private static String cleanScanId;

	@Test
	void jobWhenServerIsKilledMidwayResumesAndEndsLikeAnUninterruptedRun() throws Exception {
		interruptAndResume(true);
	}

	@Test
	void jobWhenServerIsShutDownMidwayPutsTheScanBackAndEndsLikeAnUninterruptedRun() throws Exception {
		// a graceful stop interrupts the job at a chunk boundary and puts its work item back
		interruptAndResume(false);
	}

	private void interruptAndResume(boolean kill) throws Exception {
		// given
		String url = PostgresForTests.freshSchemaUrl();
		Path dataDir = PostgresForTests.freshDataDir();
		// when: submitted, killed (SIGKILL) or stopped (SIGTERM) once some chunks are committed, restarted
		ChildNode first = start(url, dataDir);
		String scanId;
		try {
			scanId = submit(first, SCAN);
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20))
				.until(() -> hostsSeen(url, scanId) >= HOSTS / 5);
		}
		finally {
			if (kill) {
				first.kill();
			}
			else {
				first.stop();
			}
		}
		int seenAtStop = hostsSeen(url, scanId);
		String itemAtStop = query(url, "SELECT status FROM work_item WHERE subject_id = '" + scanId + "'").get(0);
		ChildNode second = start(url, dataDir);
		try {
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
				.until(() -> "completed".equals(status(url, scanId)));
		}
		finally {
			second.kill();
		}
		String clean = cleanScanId();
		// then
		assertThat(seenAtStop).isGreaterThan(0).isLessThan(HOSTS);
		assertThat(itemAtStop).isEqualTo(kill ? "running" : "queued");
		assertThat(counts(url, scanId)).isEqualTo(counts(cleanUrl, clean));
		assertThat(counts(url, scanId)).startsWith(HOSTS + ",");
		List<String> resumedCmdb = cmdb(url);
		assertThat(resumedCmdb).hasSize(cmdb(cleanUrl).size());
		assertThat(resumedCmdb).isEqualTo(cmdb(cleanUrl));
	}

	private static synchronized String cleanScanId() throws Exception {
		if (cleanScanId == null) {
			String url = PostgresForTests.freshSchemaUrl();
			ChildNode clean = start(url, PostgresForTests.freshDataDir());
			try {
				String id = submit(clean, SCAN);
				await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
					.until(() -> "completed".equals(status(url, id)));
				cleanUrl = url;
				cleanScanId = id;
			}
			finally {
				clean.kill();
			}
		}
		return cleanScanId;
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
