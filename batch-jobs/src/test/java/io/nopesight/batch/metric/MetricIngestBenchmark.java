package io.nopesight.batch.metric;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.BatchJobsTestApplication;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;
import io.nopesight.core.metric.MetricSummaries;
import io.nopesight.core.metric.MetricSummaryQuery;

/**
 * Ingest and read benchmark (not a test): generates N samples (default 10 million: 1 000 CIs, one every
 * 5 minutes, ~35 days), imports them through the metric import job, and in the same run COPYs the same
 * rows into (a) an unindexed table and (b) a table shaped, partitioned and indexed like
 * {@code metric_sample}; then times a 7-day average per CI and a 30-day hourly series read over the
 * 1 000 series. Everything lives in its own schema, dropped at the end. Run with
 * {@code bench/metrics-ingest.sh [samples]}.
 */
public final class MetricIngestBenchmark {

	private static final int SERIES = 1_000;

	private static final Duration INTERVAL = Duration.ofMinutes(5);

	private MetricIngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String base = System.getenv().getOrDefault("NOPESIGHT_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("NOPESIGHT_BENCH_DB_USER", "postgres");
		if (args.length > 1 && args[0].equals("reads")) {
			// reads only, against a schema kept by an earlier run (NOPESIGHT_BENCH_KEEP=true)
			readsOnly(base, user, args[1]);
			return;
		}
		boolean keep = Boolean.parseBoolean(System.getenv("NOPESIGHT_BENCH_KEEP"));
		long samples = (args.length > 0) ? Long.parseLong(args[0]) : 10_000_000L;
		String schema = "bench_metrics_" + System.currentTimeMillis();
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		Path dataDir = Files.createTempDirectory(Path.of("target"), "bench-");
		long steps = samples / SERIES;
		Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
		Instant start = end.minus(INTERVAL.multipliedBy(steps));
		try (Connection admin = DriverManager.getConnection(base, user, "")) {
			execute(admin, "CREATE SCHEMA " + schema);
		}
		System.out.printf(Locale.ROOT, "Started %s, load average %s%n", Instant.now(), load());
		try {
			run(url, user, dataDir, samples, steps, start, end);
			System.out.printf(Locale.ROOT, "%nEnded %s, load average %s%n", Instant.now(), load());
		}
		finally {
			if (keep) {
				System.out.printf(Locale.ROOT, "%nSchema %s kept: bench/metrics-ingest.sh reads %s, then DROP SCHEMA %s CASCADE%n",
						schema, schema, schema);
			}
			else {
				try (Connection admin = DriverManager.getConnection(base, user, "")) {
					execute(admin, "DROP SCHEMA " + schema + " CASCADE");
				}
			}
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private static void run(String url, String user, Path dataDir, long samples, long steps, Instant start, Instant end)
			throws Exception {
		System.out.printf(Locale.ROOT, "Generating %,d samples: %d series x %d points every %s, %s to %s%n",
				steps * SERIES, SERIES, steps, INTERVAL, start, end);
		Path csv = dataDir.resolve("samples.csv");
		writeCsv(csv, steps, start);
		System.out.printf(Locale.ROOT, "CSV: %,d MB%n", Files.size(csv) >> 20);
		Path copyFile = dataDir.resolve("samples.pgcopy");
		writeBinaryCopy(copyFile, steps, start);
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			// (b) is measured before and after the job, as the load of this shared machine drifts
			double unindexed = baseline(connection, "bench_unindexed", copyFile, start, end);
			double partitioned = baseline(connection, "bench_partitioned", copyFile, start, end);
			// NOPESIGHT_BENCH_CHUNK_SIZE overrides nopesight.metrics.import.chunk-size, to compare sizes
			String chunkSize = System.getenv().getOrDefault("NOPESIGHT_BENCH_CHUNK_SIZE", "0");
			try (ConfigurableApplicationContext app = SpringApplication.run(BatchJobsTestApplication.class,
					"--nopesight.db.url=" + url, "--nopesight.db.user=" + user, "--nopesight.data-dir=" + dataDir,
					"--nopesight.metrics.import.chunk-size=" + chunkSize, "--spring.main.banner-mode=off",
					"--logging.level.root=WARN")) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				createCis(jdbc);
				MetricImports imports = app.getBean(MetricImports.class);
				execute(connection, "CHECKPOINT");
				long t0 = System.nanoTime();
				MetricImport started;
				try (InputStream in = Files.newInputStream(csv)) {
					started = imports.start(in, MetricImportFormat.CSV, null, "bench");
				}
				long stored = System.nanoTime();
				MetricImport done = imports.get(started.id());
				while (done.status().equals("running")) {
					LockSupport.parkNanos(20_000_000L);
					done = imports.get(started.id());
				}
				double jobSeconds = (System.nanoTime() - t0) / 1e9;
				double job = done.rowsWritten() / jobSeconds;
				System.out.printf(Locale.ROOT, "%nImport job: %s, %,d rows written, %,d skipped, %.1f s (of which %.1f s storing the upload)%n%n",
						done.status(), done.rowsWritten(), done.rowsSkipped(), jobSeconds, (stored - t0) / 1e9);
				double partitionedAfter = baseline(connection, "bench_partitioned", copyFile, start, end);
				partitioned = (partitioned + partitionedAfter) / 2;
				System.out.printf(Locale.ROOT, "%n%-58s %12s %10s%n", "ingest path", "samples/s", "vs (b)");
				System.out.printf(Locale.ROOT, "%-58s %,12.0f %9.0f%%%n", "(a) raw COPY, unindexed table", unindexed,
						100 * unindexed / partitioned);
				System.out.printf(Locale.ROOT, "%-58s %,12.0f %9.0f%%%n", "(b) raw COPY, daily partitions + PK (series, ts), mean",
						partitioned, 100.0);
				System.out.printf(Locale.ROOT, "%-58s %,12.0f %9.0f%%%n", "import job (CSV parse, CI lookup, COPY, roll-ups)",
						job, 100 * job / partitioned);
				System.out.printf(Locale.ROOT, "job / (a) = %.0f%%%n", 100 * job / unindexed);
				// statistics as autovacuum would have them a minute later: without them the planner takes the
				// 1 000 new series and CIs for a handful and joins them by nested loops
				jdbc.sql("VACUUM ANALYZE metric_daily").update();
				jdbc.sql("ANALYZE metric_sample, metric_series, configuration_item").update();
				reads(app, jdbc, end);
			}
		}
	}

	private static void readsOnly(String base, String user, String schema) throws IOException {
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		Path dataDir = Files.createTempDirectory(Path.of("target"), "bench-");
		try (ConfigurableApplicationContext app = SpringApplication.run(BatchJobsTestApplication.class,
				"--nopesight.db.url=" + url, "--nopesight.db.user=" + user, "--nopesight.data-dir=" + dataDir,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
			System.out.printf(Locale.ROOT, "Started %s, load average %s%n", Instant.now(), load());
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			jdbc.sql("ANALYZE metric_daily, metric_sample, metric_series, configuration_item").update();
			Instant last = jdbc.sql("SELECT max(last_ts) FROM metric_daily").query(Timestamp.class).single().toInstant();
			reads(app, jdbc, last.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
			System.out.printf(Locale.ROOT, "%nEnded %s, load average %s%n", Instant.now(), load());
		}
	}

	private static void reads(ConfigurableApplicationContext app, JdbcClient jdbc, Instant end) {
		MetricSummaries summaries = app.getBean(MetricSummaries.class);
		MetricStore store = app.getBean(MetricStore.class);
		List<String> ids = jdbc.sql("SELECT id FROM configuration_item WHERE name LIKE 'BENCH-%' ORDER BY name")
			.query(String.class)
			.list();
		// an unaligned end: whole hours from the roll-ups, the edges from raw samples
		Instant to = end.minus(Duration.ofMinutes(17));
		double[] summary = time(() -> {
			int n = summaries.summarize(new MetricSummaryQuery(List.of("cpu_usage"), null, "server",
					to.minus(Duration.ofDays(7)), to)).size();
			check(n == SERIES, "summary rows " + n);
		});
		double[] hourly = time(() -> {
			List<MetricSeries> series = store.read(new MetricSeriesQuery(ids, "cpu_usage", end.minus(Duration.ofDays(30)),
					end, MetricStep.HOUR, MetricAggregation.AVG));
			long points = series.stream().mapToLong((s) -> s.points().size()).sum();
			check(series.size() == SERIES, "hourly series " + series.size());
		});
		// the hourly read's SQL alone: through the driver without mapping, and inside the server (EXPLAIN ANALYZE)
		int[] seriesIds = jdbc.sql("SELECT id FROM metric_series WHERE metric = 'cpu_usage'").query(Integer.class).list()
			.stream().mapToInt(Integer::intValue).toArray();
		String hourlySql = """
				SELECT d.series_id, d.day - date '1970-01-01', d.hour_avg FROM metric_daily d
				WHERE d.series_id = ANY(:ids) AND d.day >= :from AND d.day < :to
				""";
		LocalDate hourlyFrom = LocalDate.ofInstant(end.minus(Duration.ofDays(30)), ZoneOffset.UTC);
		LocalDate hourlyTo = LocalDate.ofInstant(end.minusSeconds(1), ZoneOffset.UTC).plusDays(1);
		double[] driver = time(() -> jdbc.sql(hourlySql).param("ids", seriesIds).param("from", hourlyFrom)
			.param("to", hourlyTo).query((rs) -> { }));
		double[] server = new double[] { Double.MAX_VALUE };
		for (int i = 0; i < 5; i++) {
			String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, TIMING OFF) " + hourlySql).param("ids", seriesIds)
				.param("from", hourlyFrom).param("to", hourlyTo).query(String.class).list());
			Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
			if (m.find()) {
				server[0] = Math.min(server[0], Double.parseDouble(m.group(1)));
			}
		}
		System.out.printf(Locale.ROOT, "%n7-day average and peak per CI, 1 000 series (summary API): median %.0f ms, best %.0f ms (goal < 100 ms)%n",
				summary[0], summary[1]);
		System.out.printf(Locale.ROOT, "30-day hourly series, 1 000 series, 720 000 points into Java: median %.0f ms, best %.0f ms (goal < 200 ms)%n",
				hourly[0], hourly[1]);
		System.out.printf(Locale.ROOT, "  of which its SQL (~31 000 day rows): through the driver (text), rows not mapped, median %.0f ms, best %.0f ms; in the server (EXPLAIN ANALYZE) best %.0f ms%n",
				driver[0], driver[1], server[0]);
	}

	private static double[] time(Runnable read) {
		read.run();
		double[] runs = new double[7];
		for (int i = 0; i < runs.length; i++) {
			long t0 = System.nanoTime();
			read.run();
			runs[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(runs);
		return new double[] { runs[runs.length / 2], runs[0] };
	}

	private static void check(boolean ok, String what) {
		if (!ok) {
			throw new IllegalStateException("Unexpected result: " + what);
		}
	}

	private static void createCis(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO configuration_item (id, name, type, status, created_at, updated_at)
				SELECT 'ci_bench' || lpad(g::text, 8, '0'), 'BENCH-' || lpad(g::text, 4, '0'), 'server', 'active', now(), now()
				FROM generate_series(0, :n - 1) g
				""").param("n", SERIES).update();
	}

	private static double value(long step, int series) {
		return ((step * 31 + series * 17) % 1000) / 10.0;
	}

	private static void writeCsv(Path csv, long steps, Instant start) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("ci,metric,timestamp,value\n");
			for (long step = 0; step < steps; step++) {
				String ts = start.plus(INTERVAL.multipliedBy(step)).toString();
				for (int s = 0; s < SERIES; s++) {
					out.write("BENCH-");
					out.write(String.format(Locale.ROOT, "%04d", s));
					out.write(",cpu_usage,");
					out.write(ts);
					out.write(',');
					out.write(Double.toString(value(step, s)));
					out.write('\n');
				}
			}
		}
	}

	/**
	 * COPYs the prepared binary file into a fresh table, as psql's \copy would: the rows are
	 * generated before the clock starts, and a checkpoint before each load gives every load the same
	 * start (right after a checkpoint every page written first costs a full-page image in the WAL).
	 */
	private static double baseline(Connection connection, String table, Path copyFile, Instant start, Instant end)
			throws Exception {
		execute(connection, "DROP TABLE IF EXISTS " + table);
		if (table.equals("bench_unindexed")) {
			execute(connection, "CREATE TABLE bench_unindexed (series_id integer NOT NULL, ts timestamptz NOT NULL, value double precision NOT NULL)");
		}
		else {
			execute(connection, "CREATE TABLE " + table + """
					 (series_id integer NOT NULL, ts timestamptz NOT NULL,
					    value double precision NOT NULL, PRIMARY KEY (series_id, ts)) PARTITION BY RANGE (ts)
					""");
			LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
			while (!day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(end)) {
				execute(connection, "CREATE TABLE " + table + "_" + day.toString().replace("-", "") + " PARTITION OF "
						+ table + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
				day = day.plusDays(1);
			}
		}
		execute(connection, "CHECKPOINT");
		long t0 = System.nanoTime();
		long rows;
		try (InputStream in = Files.newInputStream(copyFile)) {
			rows = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (series_id, ts, value) FROM STDIN (FORMAT binary)", in, 1 << 16);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf(Locale.ROOT, "COPY into %s: %,d rows, %.1f s (load average %s)%n", table, rows, seconds, load());
		execute(connection, "DROP TABLE " + table);
		return rows / seconds;
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/**
	 * The same rows as the CSV (series id for the CI, same order) in binary COPY format.
	 */
	private static void writeBinaryCopy(Path file, long steps, Instant start) throws IOException {
		long pgEpoch = 946_684_800_000_000L;
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
			out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0 });
			for (long step = 0; step < steps; step++) {
				long micros = (start.getEpochSecond() + INTERVAL.toSeconds() * step) * 1_000_000L - pgEpoch;
				for (int s = 0; s < SERIES; s++) {
					out.writeShort(3);
					out.writeInt(4);
					out.writeInt(s + 1);
					out.writeInt(8);
					out.writeLong(micros);
					out.writeInt(8);
					out.writeDouble(value(step, s));
				}
			}
			out.writeShort(-1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
