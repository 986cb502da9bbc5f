package io.nopesight.correlation;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.nopesight.core.PostgresForTests;

/**
 * The speed half of {@link CorrelationBenchmark}: a synthetic estate of switches, hypervisors, VMs, databases
 * and applications that depend on them, written straight into a fresh schema, then events posted over HTTP by
 * several clients at once: most of them noise on random CIs, a fifth in cascades that run down the topology
 * from a failing CI over a quarter of an hour.
 */
final class CorrelationSpeed {

	private static final int CIS = Integer.getInteger("bench.cis", 10_000);

	private static final int EVENTS = Integer.getInteger("bench.events", 100_000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 4);

	private static final int BATCH = Integer.getInteger("bench.batch", 100);

	private static final int SINGLE = Integer.getInteger("bench.single", 10_000);

	private static final int RATE = Integer.getInteger("bench.rate", 2_000);

	// the steady rates measured, each for STEADY_SECONDS, the last being the goal's
	private static final List<Integer> RATES = Arrays.stream(System.getProperty("bench.rates", "500,1000," + RATE)
		.split(",")).map(String::strip).map(Integer::valueOf).toList();

	private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 12);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 60_000);

	private static final String APPLICATION_NAME = "nopesight-bench-correlation";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] NOISE = { "Disk space low on %s", "Memory usage high on %s", "CPU usage high on %s",
			"Backup job failed on %s", "Certificate expiring on %s", "Service restart on %s", "SSH login failures on %s" };

	private static final String[] CASCADE = { "Host unreachable: %s", "Service down on %s",
			"Database connection errors in %s", "HTTP 5xx rate above 5%% on %s", "Latency SLO burn on %s" };

	private CorrelationSpeed() {
	}

	static void run() throws Exception {
		String url = PostgresForTests.freshSchemaUrl() + "&ApplicationName=" + APPLICATION_NAME;
		Estate estate = Estate.generate(CIS, new Random(42));
		// Flyway makes the schema; the estate is written behind the application's back, so it reads it at its next
		// start
		ConfigurableApplicationContext first = CorrelationBenchmark.start(url);
		first.close();
		estate.write(url);
		List<Map<String, Object>> events = estate.events(EVENTS, new Random(7));
		int cascaded = estate.cascaded;
		List<Map<String, Object>> single = estate.events(SINGLE, new Random(11));
		List<Map<String, Object>> warmup = estate.events(WARMUP, new Random(99));
		try (ConfigurableApplicationContext app = CorrelationBenchmark.start(url);
				Connection jdbc = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			PlacementLatency latency = app.getBean(Correlator.class).latency();
			// every request path and the correlator run before anything is timed, long enough for the JIT
			// compiler to have done most of its work: on two cores it otherwise takes a third of the machine
			int singles = Math.min(5_000, WARMUP / 10);
			post(base, warmup.subList(0, singles));
			CorrelationBenchmark.postBatches(base, warmup.subList(singles, WARMUP / 3), BATCH, CLIENTS);
			CorrelationBenchmark.postPaced(base, warmup.subList(WARMUP / 3, WARMUP), RATE);
			CorrelationBenchmark.awaitPlaced(app);
			StringBuilder report = new StringBuilder();
			report.append(String.format(Locale.ROOT, "synthetic estate: %d CIs, %d relationships; %d events over 7 days "
					+ "(%d in cascades), after %d to warm up%n", estate.cis.size(), estate.links.size(), events.size(),
					cascaded, WARMUP));
			// one event per request, as a script would send them
			Cpu cpu = Cpu.now(jdbc);
			long started = System.nanoTime();
			post(base, single);
			double singleIntake = (System.nanoTime() - started) / 1e9;
			CorrelationBenchmark.awaitPlaced(app);
			report.append(String.format(Locale.ROOT, "intake, one event per request from %d clients: %d events in %.1f s "
					+ "= %.0f events/s (%s)%n", CLIENTS, single.size(), singleIntake, single.size() / singleIntake,
					cpu.since(jdbc, single.size())));
			// as fast as the clients can, in batches as monitoring tools send them when busy
			int steadyTotal = RATES.stream().mapToInt((rate) -> rate * STEADY_SECONDS).sum();
			List<Map<String, Object>> flood = events.subList(0, events.size() - steadyTotal);
			vacuum(jdbc);
			cpu = Cpu.now(jdbc);
			started = System.nanoTime();
			CorrelationBenchmark.postBatches(base, flood, BATCH, CLIENTS);
			double intake = (System.nanoTime() - started) / 1e9;
			CorrelationBenchmark.awaitPlaced(app);
			double placedAfter = (System.nanoTime() - started) / 1e9;
			report.append(String.format(Locale.ROOT, "intake, %d events per request from %d clients: %d events in %.1f s "
					+ "= %.0f events/s%n", BATCH, CLIENTS, flood.size(), intake, flood.size() / intake));
			report.append(String.format(Locale.ROOT, "  all in incidents %.1f s after the first was sent = %.0f events/s "
					+ "correlated (%s)%n", placedAfter, flood.size() / placedAfter, cpu.since(jdbc, flood.size())));
			// at steady rates: how long each event waits for its incident
			vacuum(jdbc);
			int from = flood.size();
			for (int rate : RATES) {
				List<Map<String, Object>> steady = events.subList(from, from + rate * STEADY_SECONDS);
				from += steady.size();
				latency.reset();
				cpu = Cpu.now(jdbc);
				started = System.nanoTime();
				double late = CorrelationBenchmark.postPaced(base, steady, rate);
				double pacedFor = (System.nanoTime() - started) / 1e9;
				CorrelationBenchmark.awaitPlaced(app);
				report.append(String.format(Locale.ROOT, "steady %d events/s (%d per request every 10 ms) for %.0f s, a "
						+ "request at worst %.0f ms behind schedule (%s)%n", rate, Math.max(1, rate / 100), pacedFor, late,
						cpu.since(jdbc, steady.size())));
				report.append(String.format(Locale.ROOT,
						"  intake to incident (committed): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms over %d "
								+ "events%n",
						latency.percentile(50) / 1000.0, latency.percentile(90) / 1000.0,
						latency.percentile(99) / 1000.0, latency.percentile(100) / 1000.0, latency.count()));
			}
			CorrelationBenchmark.write("correlation-speed.txt", report.toString());
		}
	}

	// what autovacuum does on a server where it is on (the test server here runs with it off): the planner
	// learns the tables' sizes, and dead rows are reclaimed
	private static void vacuum(Connection jdbc) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Statement statement = jdbc.createStatement();
				ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		try (Statement statement = jdbc.createStatement()) {
			for (String table : tables) {
				statement.execute("VACUUM ANALYZE \"" + table + "\"");
			}
		}
	}

	/**
	 * CPU time spent so far by this JVM (the application and the benchmark's clients) and by the application's
	 * PostgreSQL backends (from /proc: same machine, ticks of 1/100 s).
	 */
	record Cpu(double jvm, double postgres) {

		static Cpu now(Connection jdbc) throws Exception {
			double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e9;
			double postgres = 0;
			try (PreparedStatement statement = jdbc
				.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
				statement.setString(1, APPLICATION_NAME);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						Path stat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
						if (Files.isReadable(stat)) {
							String line = Files.readString(stat);
							String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
							postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
						}
					}
				}
			}
			return new Cpu(jvm, postgres);
		}

		String since(Connection jdbc, int events) throws Exception {
			Cpu now = now(jdbc);
			return String.format(Locale.ROOT, "CPU per event: JVM %.0f µs, PostgreSQL %.0f µs",
					(now.jvm - this.jvm) * 1e6 / events, (now.postgres - this.postgres) * 1e6 / events);
		}

	}

	private static void post(String base, List<Map<String, Object>> events) throws Exception {
		List<JsonNode> nodes = new ArrayList<>(events.size());
		for (Map<String, Object> event : events) {
			nodes.add(JSON.valueToTree(event));
		}
		CorrelationBenchmark.postAll(base, nodes, Map.of(), CLIENTS);
	}

	/**
	 * The synthetic estate, with its own impact graph to draw cascades from.
	 */
	static final class Estate {

		final List<String[]> cis = new ArrayList<>();

		final List<String[]> links = new ArrayList<>();

		final Map<String, List<String>> downstream = new HashMap<>();

		final List<String> failing = new ArrayList<>();

		int cascaded;

		static Estate generate(int size, Random random) {
			Estate estate = new Estate();
			int switches = Math.max(2, size / 500);
			int hosts = Math.max(4, size / 25);
			int databases = size * 3 / 20;
			int applications = size / 5;
			int vms = size - 2 - switches - hosts - databases - applications;
			List<String> core = List.of(estate.ci("BENCH-CORE-1", "network_device"), estate.ci("BENCH-CORE-2",
					"network_device"));
			List<String> access = new ArrayList<>();
			for (int i = 0; i < switches; i++) {
				access.add(estate.ci("BENCH-ACC-" + i, "network_device"));
				estate.link(access.get(i), "connected_to", core.get(i % 2));
			}
			List<String> hostIds = new ArrayList<>();
			for (int i = 0; i < hosts; i++) {
				hostIds.add(estate.ci("BENCH-HV-" + i, "server"));
				estate.link(hostIds.get(i), "connected_to", access.get(i % switches));
			}
			List<String> vmIds = new ArrayList<>();
			for (int i = 0; i < vms; i++) {
				vmIds.add(estate.ci("BENCH-VM-" + i, "server"));
				estate.link(vmIds.get(i), "runs_on", hostIds.get(random.nextInt(hosts)));
			}
			List<String> databaseIds = new ArrayList<>();
			for (int i = 0; i < databases; i++) {
				databaseIds.add(estate.ci("bench-db-" + i, "database"));
				estate.link(databaseIds.get(i), "runs_on", vmIds.get(random.nextInt(vms)));
			}
			List<String> applicationIds = new ArrayList<>();
			for (int i = 0; i < applications; i++) {
				applicationIds.add(estate.ci("Bench App " + i, "application"));
				estate.link(applicationIds.get(i), "runs_on", vmIds.get(random.nextInt(vms)));
				estate.link(applicationIds.get(i), "depends_on", databaseIds.get(random.nextInt(databases)));
				if (i > 0 && random.nextInt(10) < 3) {
					estate.link(applicationIds.get(i), "depends_on", applicationIds.get(random.nextInt(i)));
				}
			}
			estate.failing.addAll(hostIds);
			estate.failing.addAll(databaseIds);
			estate.failing.addAll(vmIds.subList(0, Math.min(vms, 500)));
			return estate;
		}

		private String ci(String name, String type) {
			String id = "ci_bench" + String.format(Locale.ROOT, "%08x", this.cis.size());
			this.cis.add(new String[] { id, name, type });
			return id;
		}

		// source's failure follows target's: the impact runs from target to source
		private void link(String source, String type, String target) {
			this.links.add(new String[] { "rel_bench" + String.format(Locale.ROOT, "%08x", this.links.size()), type,
					source, target });
			this.downstream.computeIfAbsent(target, (k) -> new ArrayList<>()).add(source);
		}

		void write(String url) throws Exception {
			try (Connection connection = DriverManager.getConnection(url, PostgresForTests.user(), "")) {
				connection.setAutoCommit(false);
				Instant now = Instant.now();
				try (PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO configuration_item (id, name, type, status, created_at, updated_at)
						VALUES (?, ?, ?, 'active', ?, ?)
						""")) {
					for (String[] ci : this.cis) {
						insert.setString(1, ci[0]);
						insert.setString(2, ci[1]);
						insert.setString(3, ci[2]);
						insert.setObject(4, Timestamp.from(now));
						insert.setObject(5, Timestamp.from(now));
						insert.addBatch();
					}
					insert.executeBatch();
				}
				try (PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO relationship (id, type, source_id, target_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?)
						""")) {
					for (String[] link : this.links) {
						insert.setString(1, link[0]);
						insert.setString(2, link[1]);
						insert.setString(3, link[2]);
						insert.setString(4, link[3]);
						insert.setObject(5, Timestamp.from(now));
						insert.setObject(6, Timestamp.from(now));
						insert.addBatch();
					}
					insert.executeBatch();
				}
				connection.commit();
			}
		}

		/**
		 * {@code count} events over the 7 days before now, in time order: cascades of up to 10 events from a
		 * failing host, VM or database down the topology within 15 minutes, and noise on random CIs.
		 */
		List<Map<String, Object>> events(int count, Random random) {
			Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
			long span = Duration.ofDays(7).toSeconds();
			List<Map<String, Object>> events = new ArrayList<>(count);
			this.cascaded = 0;
			while (events.size() < count) {
				Instant at = end.minusSeconds((long) (random.nextDouble() * span));
				if (random.nextInt(50) == 0) {
					List<String> hit = cascade(this.failing.get(random.nextInt(this.failing.size())), random);
					for (int i = 0; i < hit.size() && events.size() < count; i++) {
						events.add(event(String.format(CASCADE[Math.min(i, CASCADE.length - 1)], name(hit.get(i))),
								(i == 0) ? "critical" : "high", hit.get(i), at.plusSeconds(i * 90L + random.nextInt(60)),
								random));
						this.cascaded++;
					}
				}
				else {
					String[] ci = this.cis.get(random.nextInt(this.cis.size()));
					events.add(event(String.format(NOISE[random.nextInt(NOISE.length)], ci[1]),
							(random.nextInt(3) == 0) ? "medium" : "low", ci[0], at, random));
				}
			}
			return events;
		}

		private List<String> cascade(String root, Random random) {
			Set<String> hit = new LinkedHashSet<>(List.of(root));
			ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
			while (!queue.isEmpty() && hit.size() < 10) {
				List<String> below = new ArrayList<>(this.downstream.getOrDefault(queue.poll(), List.of()));
				Collections.shuffle(below, random);
				for (String ci : below.subList(0, Math.min(3, below.size()))) {
					if (hit.add(ci)) {
						queue.add(ci);
					}
				}
			}
			return List.copyOf(hit);
		}

		private String name(String id) {
			return this.cis.get(Integer.parseInt(id.substring("ci_bench".length()), 16))[1];
		}

		private static Map<String, Object> event(String title, String severity, String ci, Instant at, Random random) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("title", title);
			event.put("severity", severity);
			event.put("source", "bench");
			event.put("source_id", "bench-" + Long.toHexString(random.nextLong()));
			event.put("affected_cis", List.of(ci));
			event.put("created_at", at.toString());
			return event;
		}

	}

}
