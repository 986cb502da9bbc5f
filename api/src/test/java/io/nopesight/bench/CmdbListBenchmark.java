package io.nopesight.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.nopesight.NopeSightApplication;
import io.nopesight.core.PostgresForTests;

/**
 * Loads 100 000 realistic CIs and measures {@code GET /v1/cmdb/ci} (filtered, paged, any page) and
 * {@code GET /v1/cmdb/ci/{id}} over HTTP, against the same SQL run directly through JDBC.
 *
 * <p>
 * Run: {@code ./mvnw -q -pl api -am test-compile exec:java -Pbench-cmdb} (see README).
 */
public final class CmdbListBenchmark {

	private static final int CIS = Integer.getInteger("bench.cis", 100_000);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 2_000);

	// requests before timing: the JIT compiles the request path after some thousands of calls, and a
	// server runs warm; 1 000 warm-up calls still left the list at ~2x its steady latency here
	private static final int WARMUP = Integer.getInteger("bench.warmup", 10_000);

	private static final String TOKEN = "bench-admin-token";

	private static final String[] TYPES = { "server", "server", "workstation", "workstation", "workstation",
			"application", "database", "software", "software", "network_device" };

	// the one statement JdbcConfigurationItemPages runs for a filtered page past the first: from a cached
	// anchor, with the total, the version and each row's relationship count
	private static final String PAGE_SQL = """
			SELECT (SELECT coalesce(sum(n), 0) FROM configuration_item_count WHERE true AND type = ? AND status = ?) AS total,
			(SELECT coalesce(sum(version), 0) FROM configuration_item_version WHERE true AND type = ?) AS version, p.*
			FROM (SELECT 1) one LEFT JOIN LATERAL (
			SELECT id, name, type, status, description, attributes::text AS attributes, custom_fields::text AS custom_fields,
			created_at, updated_at, created_by, updated_by,
			(SELECT count(*) FROM relationship r WHERE r.source_id = configuration_item.id)
			+ (SELECT count(*) FROM relationship r WHERE r.target_id = configuration_item.id) AS relationship_count
			FROM configuration_item WHERE true AND type = ? AND status = ?
			AND (lower(name), id) >= (SELECT lower(name), id FROM configuration_item WHERE true AND type = ? AND status = ?
			AND (lower(name), id) >= (?, ?) ORDER BY lower(name), id OFFSET ? LIMIT 1) ORDER BY lower(name), id LIMIT ?) p ON true""";

	private static final String ANCHORS_SQL = """
			SELECT value, id FROM (SELECT lower(name) AS value, id, row_number() OVER (ORDER BY lower(name), id) AS rn
			FROM configuration_item WHERE true AND type = 'server' AND status = 'active') ranked
			WHERE (rn - 1) % 500 = 0 ORDER BY rn""";

	private static List<String[]> anchors = List.of();

	private static final String COUNT_SQL = """
			SELECT coalesce(sum(n), 0) FROM configuration_item_count WHERE true AND type = ? AND status = ?""";

	// GET /v1/cmdb/ci/{id} runs two statements: the CI, then its relationships both ways
	private static final String GET_SQL = """
			SELECT id, name, type, status, description, attributes::text, custom_fields::text, created_at, updated_at,
			created_by, updated_by FROM configuration_item WHERE id = ?""";

	private static final String RELATIONSHIPS_SELECT = """
			SELECT r.id, r.type, r.attributes::text AS attributes, r.discovered_by, r.confidence, r.created_at,
			s.id AS source_id, s.name AS source_name, s.type AS source_type,
			t.id AS target_id, t.name AS target_name, t.type AS target_type
			FROM relationship r JOIN configuration_item s ON s.id = r.source_id
			JOIN configuration_item t ON t.id = r.target_id""";

	private static final String RELATIONSHIPS_SQL = RELATIONSHIPS_SELECT + " WHERE r.source_id = ? UNION ALL "
			+ RELATIONSHIPS_SELECT + " WHERE r.target_id = ? ORDER BY type, created_at, id";

	private CmdbListBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = PostgresForTests.freshSchemaUrl();
		System.out.printf("Benchmark schema: %s%n", url);
		ConfigurableApplicationContext app = start(url);
		try (Connection jdbc = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
			load(jdbc);
			app.close();
			long started = System.nanoTime();
			app = start(url);
			System.out.printf("Restart with index rebuild of %,d CIs: %.1f s%n", CIS,
					(System.nanoTime() - started) / 1e9);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			measure(jdbc, port);
		}
		finally {
			app.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplication(NopeSightApplication.class).run("--server.port=0", "--nopesight.db.url=" + url,
				"--nopesight.admin.token=" + TOKEN, "--nopesight.data-dir=" + PostgresForTests.freshDataDir(),
				"--logging.level.root=WARN",
				// the limiter still runs on every request; only the admin's quota is raised above what the
				// benchmark sends (the default of 10 000 a minute would answer part of it with 429)
				"--nopesight.rate-limit.admin.per-minute=1000000", "--nopesight.rate-limit.admin.per-hour=10000000");
	}

	private static void load(Connection jdbc) throws SQLException, IOException {
		long started = System.nanoTime();
		Random random = new Random(7);
		StringBuilder rows = new StringBuilder();
		String now = Instant.parse("2026-10-01T00:00:00Z").toString();
		for (int i = 0; i < CIS; i++) {
			String type = TYPES[i % TYPES.length];
			String status = (random.nextInt(10) < 8) ? "active" : (random.nextBoolean() ? "inactive" : "maintenance");
			String name = type.toUpperCase().substring(0, 3) + "-" + (char) ('A' + random.nextInt(26)) + "-"
					+ String.format("%06d", i);
			String attributes = String.format(
					"{\"os\": \"%s\", \"ip_address\": \"10.%d.%d.%d\", \"cpu_cores\": %d, \"memory_gb\": %d, "
							+ "\"location\": \"DC%d-RACK-%02d\", \"serial_number\": \"SN%09d\", \"manufacturer\": \"%s\"}",
					random.nextBoolean() ? "Ubuntu 22.04" : "Windows Server 2019", i / 65536, (i / 256) % 256, i % 256,
					4 << random.nextInt(4), 8 << random.nextInt(5), 1 + random.nextInt(2), random.nextInt(40),
					random.nextInt(1_000_000_000), random.nextBoolean() ? "Dell Inc." : "HPE");
			String custom = String.format("{\"environment\": \"%s\", \"department\": \"%s\", \"cost_center\": \"CC-%d\"}",
					List.of("production", "staging", "development").get(random.nextInt(3)),
					List.of("IT", "Finance", "Sales", "Engineering").get(random.nextInt(4)), 1000 + random.nextInt(20));
			String created = Instant.parse(now).plusSeconds(i * 7L).toString();
			rows.append(String.join("\t", String.format("ci_%016x", i * 2654435761L), name, type, status, "\\N",
					attributes, custom, created, created, "bench", "bench")).append('\n');
		}
		jdbc.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY configuration_item (id, name, type, status, description, attributes, custom_fields, "
					+ "created_at, updated_at, created_by, updated_by) FROM STDIN", new StringReader(rows.toString()));
		StringBuilder links = new StringBuilder();
		for (int i = 1; i < CIS; i += 2) {
			links.append(String.format("rel_%016x\truns_on\tci_%016x\tci_%016x\t{}\tmanual\t1.0\t%s\t%s\tbench%n", i,
					i * 2654435761L, (i - 1) * 2654435761L, now, now));
		}
		jdbc.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY relationship (id, type, source_id, target_id, attributes, discovered_by, confidence, "
					+ "created_at, updated_at, created_by) FROM STDIN", new StringReader(links.toString()));
		try (Statement statement = jdbc.createStatement()) {
			statement.execute("VACUUM ANALYZE configuration_item");
			statement.execute("VACUUM ANALYZE relationship");
		}
		System.out.printf("Loaded %,d CIs and %,d relationships with COPY in %.1f s%n", CIS, CIS / 2,
				(System.nanoTime() - started) / 1e9);
	}

	private static void measure(Connection jdbc, int port) throws Exception {
		long matching = count(jdbc);
		int pages = (int) ((matching + 19) / 20);
		List<String> ids = ids(jdbc);
		anchors = new ArrayList<>();
		try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(ANCHORS_SQL)) {
			while (rs.next()) {
				anchors.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		Random random = new Random(11);
		int[] pageOf = new int[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			pageOf[i] = 1 + random.nextInt(pages);
		}
		System.out.printf("Filter type=server&status=active matches %,d CIs: %,d pages of 20%n", matching, pages);
		IntFunction<String> listPath = (i) -> "/v1/cmdb/ci?type=server&status=active&sort=name&limit=20&page="
				+ pageOf[i];
		// warm up both paths
		paired(WARMUP, (i) -> httpGet(port, listPath.apply(i % SAMPLES)), (i) -> sqlPage(jdbc, pageOf[i % SAMPLES]));
		report("GET /v1/cmdb/ci?type=server&status=active (random page of all)",
				paired(SAMPLES, (i) -> httpGet(port, listPath.apply(i)), (i) -> sqlPage(jdbc, pageOf[i])));
		report("GET /v1/cmdb/ci?type=server&status=active, last page (" + pages + ")",
				paired(SAMPLES / 4, (i) -> httpGet(port, "/v1/cmdb/ci?type=server&status=active&sort=name&page=" + pages),
						(i) -> sqlPage(jdbc, pages)));
		int allPages = (CIS + 19) / 20;
		report("GET /v1/cmdb/ci?sort=created_at&order=desc (random page of " + allPages + ")",
				paired(SAMPLES, (i) -> httpGet(port, "/v1/cmdb/ci?sort=created_at&order=desc&page="
						+ (1 + random.nextInt(allPages))), null));
		String[] getIds = new String[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			getIds[i] = ids.get(random.nextInt(ids.size()));
		}
		paired(WARMUP, (i) -> httpGet(port, "/v1/cmdb/ci/" + getIds[i % SAMPLES]), (i) -> sqlGet(jdbc, getIds[i % SAMPLES]));
		report("GET /v1/cmdb/ci/{id}",
				paired(SAMPLES, (i) -> httpGet(port, "/v1/cmdb/ci/" + getIds[i]), (i) -> sqlGet(jdbc, getIds[i])));
		report("GET /v1/cmdb/ci?search=ubuntu dell&type=server (Lucene)", paired(SAMPLES / 2,
				(i) -> httpGet(port, "/v1/cmdb/ci?search=ubuntu%20dell&type=server&page=" + (1 + random.nextInt(50))),
				null));
	}

	interface Call {

		void run(int i) throws Exception;

	}

	/**
	 * Runs the HTTP call and its SQL alternately (which goes first alternates too), so both see the same
	 * load on this shared machine and their ratio is not skewed by what else ran in between.
	 */
	private static Timings paired(int n, Call http, Call sql) throws Exception {
		double[] httpMillis = new double[n];
		double[] sqlMillis = (sql != null) ? new double[n] : null;
		for (int i = 0; i < n; i++) {
			if (sql != null && i % 2 == 1) {
				sqlMillis[i] = millis(sql, i);
			}
			httpMillis[i] = millis(http, i);
			if (sql != null && i % 2 == 0) {
				sqlMillis[i] = millis(sql, i);
			}
		}
		Arrays.sort(httpMillis);
		if (sqlMillis != null) {
			Arrays.sort(sqlMillis);
		}
		return new Timings(httpMillis, sqlMillis);
	}

	private static double millis(Call call, int i) throws Exception {
		long started = System.nanoTime();
		call.run(i);
		return (System.nanoTime() - started) / 1e6;
	}

	private static void report(String what, Timings timings) {
		double[] http = timings.http();
		double[] sql = timings.sql();
		if (sql == null) {
			System.out.printf("%-75s p50 %6.2f ms  p99 %6.2f ms%n", what, pct(http, 50), pct(http, 99));
			return;
		}
		System.out.printf("%-75s p50 %6.2f ms  p99 %6.2f ms | same SQL via JDBC p50 %6.2f ms  p99 %6.2f ms | ratio p50 %.1fx p99 %.1fx%n",
				what, pct(http, 50), pct(http, 99), pct(sql, 50), pct(sql, 99), pct(http, 50) / pct(sql, 50),
				pct(http, 99) / pct(sql, 99));
	}

	private record Timings(double[] http, double[] sql) {
	}

	private static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	// HttpURLConnection: a blocking client on the calling thread that keeps the connection alive, like curl or
	// wrk; java.net.http.HttpClient hands every request to its selector thread and back, which added ~0.3 ms
	// per request here that is the client's, not the server's
	private static void httpGet(int port, String path) throws Exception {
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
			.toURL()
			.openConnection();
		connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
		int status = connection.getResponseCode();
		try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			byte[] bytes = body.readAllBytes();
			if (status != 200) {
				throw new IllegalStateException(path + " -> " + status + " " + new String(bytes));
			}
		}
	}

	private static void sqlPage(Connection jdbc, int page) throws SQLException {
		long offset = (page - 1) * 20L;
		String[] anchor = anchors.get((int) (offset / 500));
		try (PreparedStatement statement = jdbc.prepareStatement(PAGE_SQL)) {
			String[] values = { "server", "active", "server", "server", "active", "server", "active", anchor[0],
					anchor[1] };
			for (int i = 0; i < values.length; i++) {
				statement.setString(i + 1, values[i]);
			}
			statement.setLong(10, offset % 500);
			statement.setInt(11, 20);
			drain(statement.executeQuery(), null);
		}
	}

	private static void sqlGet(Connection jdbc, String id) throws SQLException {
		try (PreparedStatement statement = jdbc.prepareStatement(GET_SQL)) {
			statement.setString(1, id);
			drain(statement.executeQuery(), null);
		}
		try (PreparedStatement statement = jdbc.prepareStatement(RELATIONSHIPS_SQL)) {
			statement.setString(1, id);
			statement.setString(2, id);
			drain(statement.executeQuery(), null);
		}
	}

	private static void drain(ResultSet rs, List<String> ids) throws SQLException {
		try (rs) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int c = 1; c <= columns; c++) {
					rs.getString(c);
				}
				if (ids != null) {
					ids.add(rs.getString(1));
				}
			}
		}
	}

	private static long count(Connection jdbc) throws SQLException {
		try (PreparedStatement statement = jdbc.prepareStatement(COUNT_SQL)) {
			statement.setString(1, "server");
			statement.setString(2, "active");
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static List<String> ids(Connection jdbc) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Statement statement = jdbc.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id FROM configuration_item TABLESAMPLE SYSTEM (5)")) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

}
