package io.nopesight.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.nopesight.NopeSightApplication;
import io.nopesight.core.PostgresForTests;
import io.nopesight.core.cmdb.Topology;

/**
 * Loads a 100 000-CI estate with 300 000 relationships ({@link ImpactEstate}) and measures
 * {@code GET /v1/cmdb/ci/{id}/impact} over HTTP, interleaved with a recursive SQL CTE that computes the same
 * answer (every CI the failure reaches with its distance and a shortest path; the total and the first
 * {@code limit} by distance, name and id, their paths with names) run directly through JDBC, for a mix of
 * switches, servers and leaf CIs. Writes the report to {@code api/target/impact-benchmark.txt} and stdout.
 *
 * <p>
 * Run: {@code ./mvnw -q -pl api -am test-compile exec:java -Pbench-impact} (see docs/benchmarks.md).
 */
public final class ImpactBenchmark {

	private static final int CIS = Integer.getInteger("bench.cis", 100_000);

	private static final int RELATIONSHIPS = Integer.getInteger("bench.relationships", 300_000);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 3_000);

	// untimed requests first: the JIT compiles the request path and the walk after some thousands of calls
	private static final int WARMUP = Integer.getInteger("bench.warmup", 5_000);

	// the CTE warms up on fewer calls (it runs in PostgreSQL, and a switch's costs seconds); these are also
	// the calls whose answers are compared with the endpoint's
	private static final int SQL_WARMUP = Integer.getInteger("bench.sqlWarmup", 200);

	private static final int DEPTH = Integer.getInteger("bench.depth", 6);

	private static final int LIMIT = Integer.getInteger("bench.limit", 100);

	private static final int SQL_TIMEOUT_SECONDS = Integer.getInteger("bench.sqlTimeout", 120);

	private static final String TOKEN = "bench-admin-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final StringWriter REPORT = new StringWriter();

	private static final PrintWriter OUT = new PrintWriter(REPORT, true);

	private ImpactBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String load = loadAverage();
		String url = PostgresForTests.freshSchemaUrl();
		say("Impact benchmark at %s, schema %s", Instant.now().truncatedTo(ChronoUnit.SECONDS), url);
		ConfigurableApplicationContext app = start(url);
		try (Connection jdbc = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
			long started = System.nanoTime();
			ImpactEstate estate = ImpactEstate.generate(CIS, RELATIONSHIPS);
			estate.copyInto(jdbc);
			try (Statement statement = jdbc.createStatement()) {
				statement.execute("VACUUM ANALYZE configuration_item");
				statement.execute("VACUUM ANALYZE relationship");
			}
			say("Estate: %,d CIs, %,d relationships, made and loaded with COPY in %.1f s", estate.cis(),
					estate.relationships(), (System.nanoTime() - started) / 1e9);
			estate.kinds.forEach((kind, ids) -> say("  %-18s %,7d", kind, ids.size()));
			app.close();
			started = System.nanoTime();
			app = start(url);
			say("Application restarted (search index rebuilt, topology read whole) in %.1f s; topology: %,d CIs",
					(System.nanoTime() - started) / 1e9, app.getBean(Topology.class).size());
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			new Run(jdbc, port, app.getBean(Topology.class), samples(estate)).measure();
		}
		finally {
			app.close();
		}
		say("Load average before %s, after %s", load, loadAverage());
		// exec:java runs in the directory Maven was started in: the project's root, or api itself
		Path file = (Files.isDirectory(Path.of("api", "target")) ? Path.of("api", "target") : Path.of("target"))
			.resolve("impact-benchmark.txt");
		Files.writeString(file, REPORT.toString());
		System.out.println("Report written to " + file.toAbsolutePath());
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplication(NopeSightApplication.class).run("--server.port=0", "--nopesight.db.url=" + url,
				"--nopesight.admin.token=" + TOKEN, "--nopesight.data-dir=" + PostgresForTests.freshDataDir(),
				"--logging.level.root=WARN",
				// the limiter still runs on every request; only the admin's quota is raised above what the
				// benchmark sends
				"--nopesight.rate-limit.admin.per-minute=1000000", "--nopesight.rate-limit.admin.per-hour=10000000");
	}

	// the mix: each core switch 1 in 300, access switches 28 in 300, hypervisors and bare metal 70 in 300, and
	// the rest drawn from every other CI alike (VMs, databases, applications, software as the estate has them)
	private static List<Sample> samples(ImpactEstate estate) {
		Random random = new Random(11);
		List<Sample> samples = new ArrayList<>();
		for (String core : estate.kinds.get("core switch")) {
			for (int i = 0; i < SAMPLES / 300; i++) {
				samples.add(new Sample("core switch", core));
			}
		}
		draw(samples, random, estate, SAMPLES * 28 / 300, "access switch");
		draw(samples, random, estate, SAMPLES * 70 / 300, "hypervisor", "bare-metal server");
		draw(samples, random, estate, SAMPLES - samples.size(), "VM", "database", "application", "software");
		Collections.shuffle(samples, random);
		return samples;
	}

	private static void draw(List<Sample> samples, Random random, ImpactEstate estate, int n, String... kinds) {
		List<Sample> pool = new ArrayList<>();
		for (String kind : kinds) {
			estate.kinds.get(kind).forEach((id) -> pool.add(new Sample(kind, id)));
		}
		for (int i = 0; i < n; i++) {
			samples.add(pool.get(random.nextInt(pool.size())));
		}
	}

	static void say(String format, Object... args) {
		String line = String.format(format, args);
		System.out.println(line);
		OUT.println(line);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception ex) {
			return "?";
		}
	}

	record Sample(String kind, String id) {
	}

	/**
	 * The timed part, on a loaded and restarted application.
	 */
	private static final class Run {

		private static final String IMPACT_SQL = """
				WITH RECURSIVE reach (id, type, depth, path, via) AS (
				    SELECT id, type, 0, ARRAY[id], ARRAY[]::text[] FROM configuration_item WHERE id = ?
				  UNION ALL
				    SELECT n.id, n.type, r.depth + 1, r.path || n.id, r.via || n.relationship_type
				    FROM reach r CROSS JOIN LATERAL (
				        SELECT c.id, c.type, rel.type AS relationship_type
				        FROM relationship rel JOIN configuration_item c ON c.id = rel.source_id
				        WHERE rel.target_id = r.id
				          AND (rel.type IN ('runs_on', 'installed_on', 'depends_on', 'hosted_on', 'uses')
				            OR (rel.type = 'connected_to'
				              AND NOT (c.type = 'network_device' AND r.type <> 'network_device')))
				      UNION ALL
				        SELECT c.id, c.type, rel.type
				        FROM relationship rel JOIN configuration_item c ON c.id = rel.target_id
				        WHERE rel.source_id = r.id AND rel.type = 'connected_to'
				          AND r.type = 'network_device' AND c.type <> 'network_device'
				    ) n
				    WHERE r.depth < ? AND n.id <> ALL (r.path)
				),
				shortest AS (
				    SELECT DISTINCT ON (id) id, depth, path, via FROM reach WHERE depth > 0 ORDER BY id, depth, path
				),
				listed AS (
				    SELECT s.id, c.name, c.type, s.depth, s.path, s.via, count(*) OVER () AS total
				    FROM shortest s JOIN configuration_item c ON c.id = s.id
				    ORDER BY s.depth, lower(c.name), s.id LIMIT ?
				)
				SELECT l.id, l.name, l.type, l.depth, l.total, l.via::text AS via,
				    (SELECT json_agg(json_build_object('id', p.id, 'name', pc.name, 'type', pc.type) ORDER BY p.ord)
				     FROM unnest(l.path) WITH ORDINALITY p(id, ord) JOIN configuration_item pc ON pc.id = p.id) AS path
				FROM listed l ORDER BY l.depth, lower(l.name), l.id""";

		private final Connection jdbc;

		private final int port;

		private final Topology topology;

		private final List<Sample> samples;

		Run(Connection jdbc, int port, Topology topology, List<Sample> samples) {
			this.jdbc = jdbc;
			this.port = port;
			this.topology = topology;
			this.samples = samples;
		}

		void measure() throws Exception {
			List<Sample> warm = this.samples.stream().filter((s) -> !s.kind().equals("core switch")).toList();
			for (int i = 0; i < WARMUP; i++) {
				httpGet(path(warm.get(i % warm.size())));
			}
			int checked = 0;
			List<Sample> compared = new ArrayList<>(warm.subList(0, Math.min(SQL_WARMUP, warm.size())));
			compared.add(this.samples.stream().filter((s) -> s.kind().equals("core switch")).findFirst().orElseThrow());
			for (Sample sample : compared) {
				Answer sql = sql(sample.id());
				Answer http = Answer.of(JSON.readTree(httpGet(path(sample))));
				if (!sql.equals(http)) {
					throw new IllegalStateException("The endpoint and the CTE disagree on " + sample + ":\n  endpoint "
							+ http + "\n  CTE      " + sql);
				}
				checked++;
			}
			say("Warm-up: %,d requests; the endpoint's answer (total, and each listed CI's id and distance in order) "
					+ "equals the CTE's for %d CIs (one a core switch)", WARMUP, checked);
			Map<String, Series> series = new LinkedHashMap<>();
			Series all = new Series();
			for (int i = 0; i < this.samples.size(); i++) {
				Sample sample = this.samples.get(i);
				Series kind = series.computeIfAbsent(sample.kind(), (k) -> new Series());
				double sqlMillis = 0;
				if (i % 2 == 1) {
					sqlMillis = timedSql(sample);
				}
				long started = System.nanoTime();
				byte[] body = httpGet(path(sample));
				double httpMillis = (System.nanoTime() - started) / 1e6;
				if (i % 2 == 0) {
					sqlMillis = timedSql(sample);
				}
				started = System.nanoTime();
				this.topology.impact(sample.id(), DEPTH, LIMIT).orElseThrow();
				double walkMillis = (System.nanoTime() - started) / 1e6;
				int total = JSON.readTree(body).get("total_affected").asInt();
				for (Series s : List.of(all, kind)) {
					s.add(httpMillis, sqlMillis, walkMillis, total, body.length);
				}
			}
			report(all, series);
		}

		private void report(Series all, Map<String, Series> series) {
			say("");
			say("GET /v1/cmdb/ci/{id}/impact?max_depth=%d&limit=%d over HTTP vs the recursive CTE via JDBC, %,d CIs, "
					+ "interleaved; ms", DEPTH, LIMIT, this.samples.size());
			say("%-18s %5s %8s %7s | %-30s | %-30s | %-21s | %s", "", "n", "affected", "bytes",
					"endpoint p50 / p90 / p99 / max", "CTE p50 / p90 / p99 / max", "CTE/endpoint p50, p99",
					"walk in process p50 / p99");
			all.print("all");
			series.forEach((kind, s) -> s.print(kind));
			int timeouts = all.timeouts();
			if (timeouts > 0) {
				say("%d CTE runs hit the %d s statement timeout and count as %d s (so the CTE figures are lower bounds)",
						timeouts, SQL_TIMEOUT_SECONDS, SQL_TIMEOUT_SECONDS);
			}
			double p99 = Series.pct(all.http, 99);
			say("Goal: endpoint p99 < 50 ms: %s (p99 %.2f ms)", (p99 < 50) ? "met" : "NOT met", p99);
		}

		private double timedSql(Sample sample) throws SQLException {
			long started = System.nanoTime();
			try {
				sql(sample.id());
				return (System.nanoTime() - started) / 1e6;
			}
			catch (SQLTimeoutException ex) {
				return -1;
			}
		}

		private Answer sql(String id) throws SQLException {
			try (PreparedStatement statement = this.jdbc.prepareStatement(IMPACT_SQL)) {
				statement.setQueryTimeout(SQL_TIMEOUT_SECONDS);
				statement.setString(1, id);
				statement.setInt(2, DEPTH);
				statement.setInt(3, LIMIT);
				int total = 0;
				List<String> listed = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						total = rs.getInt("total");
						listed.add(rs.getString("id") + "@" + rs.getInt("depth"));
						rs.getString("name");
						rs.getString("type");
						rs.getString("via");
						rs.getString("path");
					}
				}
				return new Answer(total, listed);
			}
			catch (SQLException ex) {
				// PostgreSQL cancels on the timeout with SQLState 57014, which the driver does not map to
				// SQLTimeoutException
				if ("57014".equals(ex.getSQLState())) {
					throw new SQLTimeoutException(ex.getMessage(), ex.getSQLState(), ex);
				}
				throw ex;
			}
		}

		private static String path(Sample sample) {
			return "/v1/cmdb/ci/" + sample.id() + "/impact?max_depth=" + DEPTH + "&limit=" + LIMIT;
		}

		// HttpURLConnection: a blocking client on the calling thread that keeps the connection alive, like curl
		// or wrk (see CmdbListBenchmark)
		private byte[] httpGet(String path) throws Exception {
			HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + this.port + path)
				.toURL()
				.openConnection();
			connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
			int status = connection.getResponseCode();
			try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				byte[] bytes = body.readAllBytes();
				if (status != 200) {
					throw new IllegalStateException(path + " -> " + status + " " + new String(bytes, StandardCharsets.UTF_8));
				}
				return bytes;
			}
		}

	}

	/**
	 * What both sides must agree on: the total, and the listed CIs with their distance, in order.
	 */
	record Answer(int total, List<String> listed) {

		static Answer of(JsonNode body) {
			List<String> listed = new ArrayList<>();
			body.get("affected_cis").forEach((ci) -> listed.add(ci.get("id").asString() + "@" + ci.get("distance").asInt()));
			return new Answer(body.get("total_affected").asInt(), listed);
		}

	}

	/**
	 * The timings of one kind of CI.
	 */
	private static final class Series {

		private final List<Double> http = new ArrayList<>();

		private final List<Double> sql = new ArrayList<>();

		private final List<Double> walk = new ArrayList<>();

		private long affected;

		private long bytes;

		private int timeouts;

		void add(double httpMillis, double sqlMillis, double walkMillis, int total, int size) {
			this.http.add(httpMillis);
			if (sqlMillis < 0) {
				this.timeouts++;
				sqlMillis = SQL_TIMEOUT_SECONDS * 1000.0;
			}
			this.sql.add(sqlMillis);
			this.walk.add(walkMillis);
			this.affected += total;
			this.bytes += size;
		}

		int timeouts() {
			return this.timeouts;
		}

		void print(String name) {
			int n = this.http.size();
			say("%-18s %5d %8d %7d | %6.2f / %6.2f / %6.2f / %7.1f | %6.1f / %6.1f / %7.1f / %7.1f | %8.1fx, %8.1fx | %6.2f / %6.2f",
					name, n, this.affected / n, this.bytes / n, pct(this.http, 50), pct(this.http, 90), pct(this.http, 99),
					pct(this.http, 100), pct(this.sql, 50), pct(this.sql, 90), pct(this.sql, 99), pct(this.sql, 100),
					pct(this.sql, 50) / pct(this.http, 50), pct(this.sql, 99) / pct(this.http, 99), pct(this.walk, 50),
					pct(this.walk, 99));
		}

		static double pct(List<Double> values, int p) {
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
		}

	}

}
