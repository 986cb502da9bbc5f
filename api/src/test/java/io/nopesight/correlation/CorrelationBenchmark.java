package io.nopesight.correlation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.NopeSightApplication;
import io.nopesight.core.PostgresForTests;

/**
 * How well and how fast events become incidents. Part one, quality: the demo estate (CIs, relationships, its
 * 4 481 events) is loaded through the API into a fresh application and the incidents the correlator makes
 * are scored against the published incidents (pairwise precision, recall and F1 of "same incident" over
 * their events; the share whose top root-cause candidate is the true root CI), beside two baselines computed
 * on the same events in the same run: Alertmanager-style grouping (same alert name within 5 minutes, the
 * earliest event as root) and one group per 15 minutes of the clock (earliest event as root). Part two, speed: a
 * synthetic estate of {@code bench.cis} CIs (10 000) and {@code bench.events} events (100 000, a fifth of
 * them in cascades), posted over HTTP by {@code bench.clients} clients; it reports the intake rate and the
 * time from intake to placement in an incident (p50, p99) as the correlator measured it.
 *
 * <p>
 * Run: {@code ./mvnw -q -pl api -am test-compile exec:java -Pbench-correlation}; {@code -Dbench.part=quality}
 * or {@code speed} runs one part.
 */
public final class CorrelationBenchmark {

	private static final String TOKEN = "bench-admin-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CorrelationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String part = System.getProperty("bench.part", "all");
		if (!part.equals("speed")) {
			quality();
		}
		if (!part.equals("quality")) {
			CorrelationSpeed.run();
		}
		System.exit(0);
	}

	private static void quality() throws Exception {
		try (ConfigurableApplicationContext app = start(PostgresForTests.freshSchemaUrl())) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Map<String, String> ids = new HashMap<>();
			for (JsonNode ci : lines("demo/core/cis.jsonl")) {
				ids.put(ci.get("name").asString(), post(base, "/v1/cmdb/ci", ci.toString()).get("id").asString());
			}
			for (JsonNode link : lines("demo/core/relationships.jsonl")) {
				post(base, "/v1/cmdb/relationships", JSON.writeValueAsString(Map.of("type", link.get("type").asString(),
						"source_ci", ids.get(link.get("source").asString()), "target_ci",
						ids.get(link.get("target").asString()))));
			}
			List<JsonNode> events = lines("demo/correlation/events.jsonl.gz");
			long started = System.nanoTime();
			postAll(base, events, ids, 4);
			double intake = (System.nanoTime() - started) / 1e9;
			awaitPlaced(app);
			double placed = (System.nanoTime() - started) / 1e9;
			Map<String, String> incidentOf = incidentsBySourceId(base, events.size());
			JsonNode truth = JSON.readTree(resource("demo/incidents-dev.json")).get("incidents");
			Map<String, String> roots = new HashMap<>();
			Score ours = Score.of(truth, incidentOf, (incident) -> roots.computeIfAbsent(incident,
					(id) -> get(base, "/v1/incidents/" + id).at("/root_cause/ci_name").asString()));
			Map<String, String> eventRoot = new HashMap<>();
			Score alertmanager = Score.of(truth, Baselines.alertmanager(events, eventRoot), eventRoot::get);
			Map<String, String> burstRoot = new HashMap<>();
			Score bursts = Score.of(truth, Baselines.bursts(events, burstRoot), burstRoot::get);
			StringBuilder report = new StringBuilder();
			report.append(String.format(Locale.ROOT, "demo estate: %d events posted in %.1f s, all placed after %.1f s%n",
					events.size(), intake, placed));
			report.append(String.format(Locale.ROOT, "%-44s %9s %7s %6s %8s%n", "grouping (over the %d published "
					.formatted(truth.size()) + "incidents)", "precision", "recall", "F1", "root@1"));
			row(report, "NopeSight correlator", ours);
			row(report, "baseline: same alert name within 5 min", alertmanager);
			row(report, "baseline: one group per 15 minutes", bursts);
			write("correlation-quality.txt", report.toString());
		}
	}

	private static void row(StringBuilder report, String name, Score score) {
		report.append(String.format(Locale.ROOT, "%-44s %9.3f %7.3f %6.3f %8.2f%n", name, score.precision(),
				score.recall(), score.f1(), score.rootTop1()));
	}

	static ConfigurableApplicationContext start(String url, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--nopesight.db.url=" + url, "--nopesight.db.user=" + PostgresForTests.user(),
				"--nopesight.admin.token=" + TOKEN, "--nopesight.data-dir=" + PostgresForTests.freshDataDir(),
				"--logging.level.root=WARN", "--nopesight.rate-limit.enabled=false",
				"--nopesight.metrics.retention-cron=-", "--nopesight.discovery.connection-retention-cron=-"));
		args.addAll(List.of(more));
		return new SpringApplication(NopeSightApplication.class).run(args.toArray(String[]::new));
	}

	// events go in as a backfill from several clients at once: the order they arrive in is not their order
	static void postAll(String base, List<JsonNode> events, Map<String, String> ids, int clients) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			done.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
					JsonNode event = events.get(i);
					Map<String, Object> body = JSON.convertValue(event, new TypeReference<LinkedHashMap<String, Object>>() {
					});
					List<String> cis = new ArrayList<>();
					event.get("affected_cis").forEach((name) -> cis.add(ids.getOrDefault(name.asString(), name.asString())));
					body.put("affected_cis", cis);
					post(base, "/v1/events", JSON.writeValueAsString(body));
				}
				return null;
			}));
		}
		for (Future<?> one : done) {
			one.get();
		}
		pool.shutdown();
	}

	// events go in as monitoring tools send them when busy: in batches, from several clients
	static void postBatches(String base, List<Map<String, Object>> events, int size, int clients) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicInteger next = new AtomicInteger();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			done.add(pool.submit(() -> {
				for (int i = next.getAndAdd(size); i < events.size(); i = next.getAndAdd(size)) {
					List<Map<String, Object>> batch = events.subList(i, Math.min(events.size(), i + size));
					post(base, "/v1/events/batch", JSON.writeValueAsString(batch));
				}
				return null;
			}));
		}
		for (Future<?> one : done) {
			one.get();
		}
		pool.shutdown();
	}

	/**
	 * Sends the events at a steady {@code rate} per second, in small batches every 10 ms, from a pool of
	 * senders so that a slow answer does not hold up the next batch (open loop): the load the latency goal is
	 * about. Returns how late, at worst, a batch left against its schedule, in milliseconds.
	 */
	static double postPaced(String base, List<Map<String, Object>> events, int rate) throws Exception {
		int perTick = Math.max(1, rate / 100);
		ExecutorService senders = Executors.newFixedThreadPool(16);
		List<Future<Long>> sent = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0, tick = 0; i < events.size(); i += perTick, tick++) {
			long due = start + tick * 10_000_000L;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			String body = JSON.writeValueAsString(events.subList(i, Math.min(events.size(), i + perTick)));
			sent.add(senders.submit(() -> {
				long late = System.nanoTime() - due;
				post(base, "/v1/events/batch", body);
				return late;
			}));
		}
		long latest = 0;
		for (Future<Long> one : sent) {
			latest = Math.max(latest, one.get());
		}
		senders.shutdown();
		return latest / 1e6;
	}

	/**
	 * Waits until the correlator's queue is empty: asked of the database, as the API has no such count and
	 * paging through every event would load the machine being measured.
	 */
	static void awaitPlaced(ConfigurableApplicationContext app) throws InterruptedException {
		JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.sql("SELECT count(*) FROM correlation_queue").query(Long.class).single() == 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("The events were not all placed within 30 minutes");
	}

	static Map<String, String> incidentsBySourceId(String base, int total) {
		Map<String, String> incidentOf = new HashMap<>();
		for (int page = 1; page <= (total + 99) / 100; page++) {
			for (JsonNode event : get(base, "/v1/events?limit=100&sort=created_at&order=asc&page=" + page).get("data")) {
				incidentOf.put(event.get("source_id").asString(), event.get("incident_id").asString());
			}
		}
		return incidentOf;
	}

	static JsonNode post(String base, String path, String body) {
		return send("POST", base + path, body);
	}

	static JsonNode get(String base, String path) {
		return send("GET", base + path, null);
	}

	// a blocking keep-alive connection per thread, as curl or a monitoring tool's sender: cheap for the
	// machine being measured, which the benchmark shares
	private static JsonNode send(String method, String url, @Nullable String body) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setRequestMethod(method);
			connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
			if (body != null) {
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(body.getBytes(StandardCharsets.UTF_8));
				}
			}
			int status = connection.getResponseCode();
			InputStream answer = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String text;
			try (InputStream in = answer) {
				text = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
			}
			if (status >= 300) {
				throw new IllegalStateException(method + " " + url + " answered " + status + ": " + text);
			}
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<JsonNode> lines(String resource) throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		InputStream in = resource(resource);
		if (resource.endsWith(".gz")) {
			in = new GZIPInputStream(in);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					lines.add(JSON.readTree(line));
				}
			}
		}
		return lines;
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = CorrelationBenchmark.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException("No resource " + name);
		}
		return in;
	}

	static void write(String name, String report) throws IOException {
		Path out = Path.of("target", name);
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
	}

	/**
	 * Pairwise precision, recall and F1 of "same incident" over the published incidents' events, and the share
	 * of them whose incident (the one most of their events went to) names the true root CI first.
	 */
	record Score(double precision, double recall, double f1, double rootTop1) {

		interface RootOf {

			String of(String group);

		}

		static Score of(JsonNode truth, Map<String, String> groupOf, RootOf roots) {
			Map<String, Integer> truthOf = new HashMap<>();
			truth.forEach((incident) -> incident.get("events")
				.forEach((e) -> truthOf.put(e.asString(), incident.get("incident").asInt())));
			List<String> ids = List.copyOf(truthOf.keySet());
			long tp = 0;
			long fp = 0;
			long fn = 0;
			for (int a = 0; a < ids.size(); a++) {
				for (int b = a + 1; b < ids.size(); b++) {
					boolean same = truthOf.get(ids.get(a)).equals(truthOf.get(ids.get(b)));
					boolean together = groupOf.get(ids.get(a)).equals(groupOf.get(ids.get(b)));
					tp += (same && together) ? 1 : 0;
					fp += (!same && together) ? 1 : 0;
					fn += (same && !together) ? 1 : 0;
				}
			}
			double precision = (tp + fp == 0) ? 0 : (double) tp / (tp + fp);
			double recall = (tp + fn == 0) ? 0 : (double) tp / (tp + fn);
			double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
			int right = 0;
			for (JsonNode incident : truth) {
				Map<String, Integer> votes = new LinkedHashMap<>();
				incident.get("events").forEach((e) -> votes.merge(groupOf.get(e.asString()), 1, Integer::sum));
				String mostly = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
				right += incident.get("root_ci").asString().equals(roots.of(mostly)) ? 1 : 0;
			}
			return new Score(precision, recall, f1, (double) right / truth.size());
		}

	}

	/**
	 * The two simple groupings the correlator is measured against, on the same events.
	 */
	static final class Baselines {

		private Baselines() {
		}

		/**
		 * Alertmanager's way: one group per alert name (the title without the CI's name) for 5 minutes from the
		 * group's first alert (its group_interval), after which that name starts a new group; the earliest
		 * event's CI as root.
		 */
		static Map<String, String> alertmanager(List<JsonNode> events, Map<String, String> rootOf) {
			Map<String, String> groupOf = new HashMap<>();
			Map<String, Instant> startOfName = new HashMap<>();
			Map<String, String> groupOfName = new HashMap<>();
			for (JsonNode event : byTime(events)) {
				String ci = event.get("affected_cis").get(0).asString();
				String name = event.get("title").asString().replace(ci, "").strip();
				Instant at = Instant.parse(event.get("created_at").asString());
				Instant start = startOfName.get(name);
				if (start == null || Duration.between(start, at).toMinutes() >= 5) {
					String group = "am-" + name + "-" + at;
					groupOfName.put(name, group);
					startOfName.put(name, at);
					rootOf.put(group, ci);
				}
				groupOf.put(event.get("source_id").asString(), groupOfName.get(name));
			}
			return groupOf;
		}

		/**
		 * One group per 15 minutes of the clock (00:00-00:15, ...), as a pager that batches what arrives; the
		 * earliest event's CI as root.
		 */
		static Map<String, String> bursts(List<JsonNode> events, Map<String, String> rootOf) {
			Map<String, String> groupOf = new HashMap<>();
			for (JsonNode event : byTime(events)) {
				long window = Instant.parse(event.get("created_at").asString()).getEpochSecond() / 900;
				String group = "burst-" + window;
				rootOf.putIfAbsent(group, event.get("affected_cis").get(0).asString());
				groupOf.put(event.get("source_id").asString(), group);
			}
			return groupOf;
		}

		private static List<JsonNode> byTime(List<JsonNode> events) {
			return events.stream().sorted(Comparator.comparing((JsonNode e) -> e.get("created_at").asString())).toList();
		}

	}

}
