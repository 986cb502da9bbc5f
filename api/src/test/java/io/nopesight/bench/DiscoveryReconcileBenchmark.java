package io.nopesight.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.nopesight.NopeSightApplication;
import io.nopesight.core.PostgresForTests;

/**
 * Reconciles a network scan of 50 000 hosts against a CMDB of 100 000 CIs: half the hosts are known CIs
 * (found by MAC, by hostname with another address, or unchanged), half are new. Reports hosts/s of the
 * job, and a baseline from the same run: plain {@code COPY} of the same number of CI rows. Then the same
 * hosts are scanned again an hour later, which only re-confirms them (every host unchanged).
 *
 * <p>
 * Run: {@code ./mvnw -q -pl api -am test-compile exec:java -Pbench-discovery}.
 */
public final class DiscoveryReconcileBenchmark {

	private static final int CIS = Integer.getInteger("bench.cis", 100_000);

	private static final int HOSTS = Integer.getInteger("bench.hosts", 50_000);

	// hosts of a scan before the timed one, on CIs and addresses the timed scans never touch: a freshly
	// started JVM compiles the job's code while it runs, and a server reconciles scans warm
	private static final int WARMUP_HOSTS = Integer.getInteger("bench.warmupHosts", 10_000);

	private static final String TOKEN = "bench-admin-token";

	private static final String APPLICATION_NAME = "nopesight-discovery-bench";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DiscoveryReconcileBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// named, so the benchmark can find the application's PostgreSQL backends and read their CPU time
		String url = PostgresForTests.freshSchemaUrl() + "&ApplicationName=" + APPLICATION_NAME;
		System.out.printf("Benchmark schema: %s%n", url);
		ConfigurableApplicationContext app = new SpringApplication(NopeSightApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--nopesight.db.url=" + url, "--nopesight.admin.token=" + TOKEN,
				"--nopesight.data-dir=" + PostgresForTests.freshDataDir(), "--logging.level.root=WARN");
		try (Connection jdbc = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
			double copySeconds = load(jdbc);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			if (WARMUP_HOSTS > 0) {
				System.out.printf("Warm-up scan of %,d other hosts (half known CIs, half new; not timed):%n", WARMUP_HOSTS);
				submit(http, port, warmUpScan("2026-10-31T17:00:00Z"), jdbc, WARMUP_HOSTS);
				System.out.printf("Timed scan, against a CMDB of %,d CIs:%n", count(jdbc, "SELECT count(*) FROM configuration_item"));
			}
			byte[] scan = scan("2026-10-31T18:00:00Z");
			System.out.printf("Scan payload: %,d hosts, %.1f MB%n", HOSTS, scan.length / 1e6);
			double job = submit(http, port, scan, jdbc, HOSTS);
			System.out.printf("Baseline, COPY of %,d CI rows: %.2f s = %,.0f rows/s; job/COPY time ratio %.1f%n", CIS,
					copySeconds, CIS / copySeconds, job / (copySeconds * HOSTS / CIS));
			// the same hosts an hour later: every host is only re-confirmed (last_seen moves, nothing else)
			System.out.println("Re-scan of the same hosts one hour later:");
			long events = count(jdbc, "SELECT count(*) FROM domain_event");
			long updates = count(jdbc, "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relid = 'configuration_item'::regclass");
			long hot = count(jdbc, "SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = 'configuration_item'::regclass");
			submit(http, port, scan("2026-10-31T19:00:00Z"), jdbc, HOSTS);
			Thread.sleep(1000); // table statistics reach pg_stat_user_tables within half a second
			System.out.printf("Re-scan: %,d events published, %,d CI row updates of which %,d HOT (no index entries)%n",
					count(jdbc, "SELECT count(*) FROM domain_event") - events,
					count(jdbc, "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relid = 'configuration_item'::regclass") - updates,
					count(jdbc, "SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = 'configuration_item'::regclass") - hot);
			System.out.printf("CIs after: %,d (expected %,d)%n", count(jdbc, "SELECT count(*) FROM configuration_item"),
					CIS + WARMUP_HOSTS / 2 + HOSTS / 2);
		}
		finally {
			app.close();
		}
	}

	private static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
	}

	/**
	 * User and system CPU time of this run's PostgreSQL backends, from /proc (same machine, clock ticks of
	 * 1/100 s): fields 14 and 15 of /proc/[pid]/stat, counted after the command name.
	 */
	private static double postgresCpuSeconds(Connection jdbc) throws Exception {
		double seconds = 0;
		try (PreparedStatement statement = jdbc
			.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
			statement.setString(1, APPLICATION_NAME);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Path stat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
					if (Files.isReadable(stat)) {
						String line = Files.readString(stat);
						String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
						seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					}
				}
			}
		}
		return seconds;
	}

	private static long count(Connection jdbc, String sql) throws Exception {
		try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Submits a scan over HTTP, waits for its job and prints what it did; returns the job's seconds.
	 */
	private static double submit(HttpClient http, int port, byte[] scan, Connection jdbc, int hosts) throws Exception {
		double[] cpuBefore = { jvmCpuSeconds(), postgresCpuSeconds(jdbc) };
		long started = System.nanoTime();
		HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/v1/discovery/scan-data"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(scan))
			.build(), HttpResponse.BodyHandlers.ofString());
		double acceptSeconds = (System.nanoTime() - started) / 1e9;
		String scanId = JSON.readTree(accepted.body()).get("scan_id").asString();
		JsonNode done;
		do {
			Thread.sleep(100); // a benchmark driver, not a test: poll the scan until its job ends
			done = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/v1/discovery/scans/" + scanId)).header("Authorization", "Bearer " + TOKEN).build(),
					HttpResponse.BodyHandlers.ofString()).body());
		}
		while (!List.of("completed", "failed").contains(done.get("status").asString()));
		double total = (System.nanoTime() - started) / 1e9;
		double job = Duration.between(Instant.parse(done.get("started_at").asString()),
				Instant.parse(done.get("finished_at").asString())).toMillis() / 1000.0;
		System.out.printf("202 Accepted after %.2f s (parse, validate, store payload)%n", acceptSeconds);
		System.out.printf("Job %s: %s%n", done.get("status").asString(), done.get("counts"));
		System.out.printf("Reconciliation job: %.2f s = %,.0f hosts/s (submit to completed: %.2f s = %,.0f hosts/s)%n",
				job, hosts / job, total, hosts / total);
		Thread.sleep(2000); // the search index follower may still be indexing the last chunk
		System.out.printf("CPU from submit to 2 s after completion: JVM %.1f s, PostgreSQL backends %.1f s "
				+ "(%.0f + %.0f us per host; less sensitive to the machine's load than the elapsed time)%n",
				jvmCpuSeconds() - cpuBefore[0], postgresCpuSeconds(jdbc) - cpuBefore[1],
				(jvmCpuSeconds() - cpuBefore[0]) * 1e6 / hosts, (postgresCpuSeconds(jdbc) - cpuBefore[1]) * 1e6 / hosts);
		return job;
	}

	/**
	 * CI i is host i: hostname host-i.bench.example, MAC from i, IP from i. The scan sees hosts 50 000 to
	 * 99 999 (known) ... mixed with new ones, see {@link #scan()}.
	 */
	private static double load(Connection jdbc) throws Exception {
		StringBuilder rows = new StringBuilder();
		String now = "2026-10-01T00:00:00Z";
		for (int i = 0; i < CIS; i++) {
			String attributes = String.format("{\"ip_address\": \"%s\", \"mac_address\": \"%s\", \"hostname\": "
					+ "\"host-%d.bench.example\", \"os\": \"Ubuntu 22.04\", \"serial_number\": \"SN%09d\"}", ip(i), mac(i), i,
					i);
			rows.append(String.join("\t", String.format("ci_%016x", i * 2654435761L), "HOST-" + i, "server", "active",
					"\\N", attributes, "{}", now, now, "bench", "bench")).append('\n');
		}
		long started = System.nanoTime();
		jdbc.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY configuration_item (id, name, type, status, description, attributes, custom_fields, "
					+ "created_at, updated_at, created_by, updated_by) FROM STDIN", new StringReader(rows.toString()));
		double seconds = (System.nanoTime() - started) / 1e9;
		try (Statement statement = jdbc.createStatement()) {
			statement.execute("VACUUM ANALYZE configuration_item");
		}
		System.out.printf("Loaded %,d CIs with COPY in %.2f s%n", CIS, seconds);
		return seconds;
	}

	private static byte[] scan(String timestamp) {
		List<Map<String, Object>> hosts = new ArrayList<>(HOSTS);
		for (int h = 0; h < HOSTS; h++) {
			Map<String, Object> host = new LinkedHashMap<>();
			if (h % 2 == 0) {
				// a known CI: same MAC; every 4th also moved to a new address, every 8th answers by short name only
				int i = CIS - 1 - h;
				host.put("ip_address", (h % 4 == 0) ? ip(CIS + h) : ip(i));
				host.put("hostname", (h % 8 == 0) ? "host-" + i : "host-" + i + ".bench.example");
				host.put("mac_address", mac(i));
			}
			else {
				int n = CIS + h;
				host.put("ip_address", ip(n));
				host.put("hostname", "new-" + h + ".bench.example");
				host.put("mac_address", mac(n));
			}
			host.put("open_ports", List.of(22, 443));
			host.put("os_guess", "Linux");
			hosts.add(host);
		}
		return JSON.writeValueAsBytes(Map.of("scan_type", "network", "scanner_id", "bench", "timestamp", timestamp,
				"data", Map.of("discovered_hosts", hosts)));
	}

	/**
	 * Even hosts are CIs 0, 2, 4... (the timed scans see CIs from 50 000 up) by MAC, odd hosts are new, with
	 * addresses and names after everything the timed scans use.
	 */
	private static byte[] warmUpScan(String timestamp) {
		List<Map<String, Object>> hosts = new ArrayList<>(WARMUP_HOSTS);
		for (int h = 0; h < WARMUP_HOSTS; h++) {
			int n = (h % 2 == 0) ? h : CIS + HOSTS + h;
			Map<String, Object> host = new LinkedHashMap<>();
			host.put("ip_address", ip(n));
			host.put("hostname", (h % 2 == 0) ? "host-" + n + ".bench.example" : "warm-" + h + ".bench.example");
			host.put("mac_address", mac(n));
			host.put("open_ports", List.of(22, 443));
			host.put("os_guess", "Linux");
			hosts.add(host);
		}
		return JSON.writeValueAsBytes(Map.of("scan_type", "network", "scanner_id", "bench-warmup", "timestamp",
				timestamp, "data", Map.of("discovered_hosts", hosts)));
	}

	private static String ip(int i) {
		return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
	}

	private static String mac(int i) {
		return String.format("02:00:00:%02X:%02X:%02X", i >> 16 & 255, i >> 8 & 255, i & 255);
	}

}
