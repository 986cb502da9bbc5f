package io.nopesight.correlation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] NOISE = { "Disk space low on %s", "Memory usage high on %s", "CPU usage high on %s",
			"Backup job failed on %s", "Certificate expiring on %s", "Service restart on %s", "SSH login failures on %s" };

	private static final String[] CASCADE = { "Host unreachable: %s", "Service down on %s",
			"Database connection errors in %s", "HTTP 5xx rate above 5%% on %s", "Latency SLO burn on %s" };

	private CorrelationSpeed() {
	}

	static void run() throws Exception {
		String url = PostgresForTests.freshSchemaUrl();
		Estate estate = Estate.generate(CIS, new Random(42));
		// Flyway makes the schema; the estate is written behind the application's back, so it reads it at its next
		// start
		ConfigurableApplicationContext first = CorrelationBenchmark.start(url);
		first.close();
		estate.write(url);
		List<Map<String, Object>> events = estate.events(EVENTS, new Random(7));
		int cascaded = estate.cascaded;
		List<Map<String, Object>> single = estate.events(SINGLE, new Random(11));
		try (ConfigurableApplicationContext app = CorrelationBenchmark.start(url)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			PlacementLatency latency = app.getBean(Correlator.class).latency();
			// warm the request path and the correlator before timing
			List<Map<String, Object>> warmup = estate.events(5_000, new Random(99));
			CorrelationBenchmark.postBatches(base, warmup, BATCH, CLIENTS);
			CorrelationBenchmark.awaitPlaced(app);
			// one event per request, as a script would send them
			long started = System.nanoTime();
			post(base, single);
			double singleIntake = (System.nanoTime() - started) / 1e9;
			CorrelationBenchmark.awaitPlaced(app);
			// as fast as the clients can, in batches as monitoring tools send them when busy
			List<Map<String, Object>> flood = events.subList(0, events.size() / 2);
			started = System.nanoTime();
			CorrelationBenchmark.postBatches(base, flood, BATCH, CLIENTS);
			double intake = (System.nanoTime() - started) / 1e9;
			CorrelationBenchmark.awaitPlaced(app);
			double placedAfter = (System.nanoTime() - started) / 1e9;
			// at the goal's steady rate: how long each event waits for its incident
			List<Map<String, Object>> steady = events.subList(events.size() / 2, events.size());
			latency.reset();
			started = System.nanoTime();
			CorrelationBenchmark.postPaced(base, steady, RATE);
			double pacedFor = (System.nanoTime() - started) / 1e9;
			CorrelationBenchmark.awaitPlaced(app);
			StringBuilder report = new StringBuilder();
			report.append(String.format(Locale.ROOT, "synthetic estate: %d CIs, %d relationships; %d events over 7 days "
					+ "(%d in cascades) from %d HTTP clients%n", estate.cis.size(), estate.links.size(), events.size(),
					cascaded, CLIENTS));
			report.append(String.format(Locale.ROOT, "intake, one event per request: %d events in %.1f s = %.0f events/s%n",
					single.size(), singleIntake, single.size() / singleIntake));
			report.append(String.format(Locale.ROOT, "intake, %d events per request: %d events in %.1f s = %.0f events/s%n",
					BATCH, flood.size(), intake, flood.size() / intake));
			report.append(String.format(Locale.ROOT, "  all placed %.1f s after the first was sent = %.0f events/s correlated%n",
					placedAfter, flood.size() / placedAfter));
			report.append(String.format(Locale.ROOT, "steady %d events/s (%d events per request every 10 ms): %d events in "
					+ "%.1f s%n", RATE, Math.max(1, RATE / 100), steady.size(), pacedFor));
			report.append(String.format(Locale.ROOT,
					"  intake to placement (committed): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms over %d events%n", latency.percentile(50) / 1000.0, latency.percentile(90) / 1000.0,
					latency.percentile(99) / 1000.0, latency.percentile(100) / 1000.0, latency.count()));
			CorrelationBenchmark.write("correlation-speed.txt", report.toString());
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
