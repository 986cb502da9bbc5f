package io.nopesight.core.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.outbox.DomainEventOutbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery under load: 10 000 CI updates to five endpoints on a loopback receiver, so 50 000 deliveries,
 * twice: committed all at once (100 transactions of 100, as a bulk write), which measures deliveries per second
 * from the first commit to the last receipt, then paced at 1 000 deliveries/s (20 updates every 100 ms, a
 * benchmark's pacing, not a test's wait), which measures the lag from each update's commit to its receipt. Not part of the default test run
 * (the name does not end in Tests); run it with
 * {@code ./mvnw -q -o -pl core test -Dtest=DeliveryThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to {@code core/target/webhook-benchmark.txt}.
 */
@CoreIntegrationTest
@TestPropertySource(properties = "nopesight.webhook.allowed-hosts=127.0.0.1")
class DeliveryThroughputBenchmark {

	private static final int UPDATES = 10_000;

	private static final int ENDPOINTS = 5;

	@Autowired
	private WebhookManagement webhooks;

	@Autowired
	private DomainEventOutbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void deliverTenThousandUpdatesToFiveEndpoints() throws Exception {
		// all at once: how fast the backlog drains; then paced at 200 updates/s (1 000 deliveries/s): the lag
		String burst = run("burst", 100, 0);
		String paced = run("paced", 20, 100);
		String report = burst + paced + "load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip()
				+ "\n";
		Files.writeString(Path.of("target/webhook-benchmark.txt"), report, StandardCharsets.UTF_8);
		System.out.println(report);
	}

	private String run(String label, int perTransaction, long pauseMillis) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			List<String> ids = new ArrayList<>();
			for (int e = 0; e < ENDPOINTS; e++) {
				ids.add(this.webhooks.register(new WebhookEndpointSpec("bench " + label + e,
						receiver.url("/" + label + "-" + e), List.of("ci.updated"), Map.of(), true)).endpoint().id());
			}
			Map<Integer, Long> committedAt = new ConcurrentHashMap<>();
			long start = System.currentTimeMillis();
			for (int batch = 0; batch < UPDATES / perTransaction; batch++) {
				int number = batch;
				this.transactions.executeWithoutResult((status) -> this.outbox.publishAll(IntStream
					.range(0, perTransaction)
					.mapToObj((i) -> new DomainEventOutbox.Event("ci.updated", "ci_bench_" + (i % 1000),
							Map.of("ci", Map.of("id", "ci_bench_" + i, "batch", number))))
					.toList()));
				committedAt.put(number, System.currentTimeMillis());
				if (pauseMillis > 0) {
					Thread.sleep(pauseMillis);
				}
			}
			long published = System.currentTimeMillis();
			await().atMost(Duration.ofMinutes(15))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> receiver.count() >= UPDATES * ENDPOINTS);
			long end = System.currentTimeMillis();
			List<WebhookReceiver.Received> received = receiver.received();
			long[] lags = received.stream()
				.mapToLong((r) -> r.receivedAtMillis()
						- committedAt.get(json.readTree(r.body()).get("data").get("ci").get("batch").asInt()))
				.sorted()
				.toArray();
			long distinct = received.stream().map(WebhookReceiver.Received::id).distinct().count();
			assertThat(distinct).isEqualTo((long) UPDATES * ENDPOINTS);
			ids.forEach(this.webhooks::delete);
			return String.format("%s: %d CI updates (%d per transaction, %d ms apart) to %d endpoints%n"
					+ "  deliveries: %d (%d distinct webhook-ids) in %.1f s from first commit, publishing took %.1f s%n"
					+ "  throughput: %.0f deliveries/s%n"
					+ "  lag commit -> receipt: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", label, UPDATES,
					perTransaction, pauseMillis, ENDPOINTS, received.size(), distinct, (end - start) / 1000.0,
					(published - start) / 1000.0, received.size() * 1000.0 / (end - start), percentile(lags, 50),
					percentile(lags, 90), percentile(lags, 99), lags[lags.length - 1]);
		}
	}

	private static long percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

}
