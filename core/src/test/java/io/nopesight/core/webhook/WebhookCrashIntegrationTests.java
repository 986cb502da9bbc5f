package io.nopesight.core.webhook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.CoreTestApplication;
import io.nopesight.core.Ids;
import io.nopesight.core.PostgresForTests;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery survives its server being killed mid-retry. A node in a JVM of its own (as the Quartz
 * cluster test starts one) fails its first attempts against a receiver that is down, and is killed with
 * SIGKILL while some messages wait for the retry the schedule set (5 s) and others have their retry on the
 * wire. A new JVM on the same schema and data folder, once the receiver is up, sends every message: none is
 * lost, each is signed, each is accepted exactly once, a message that failed before the kill is accepted after
 * it under the same webhook-id and body, and each CI's changes arrive in order. This JVM only writes the
 * endpoint and the changes to the nodes' schema and reads it; it delivers nothing.
 */
class WebhookCrashIntegrationTests {

	// waits for work on a machine of any speed: the ceilings only stop a test that would never end
	private static final Duration CEILING = Duration.ofMinutes(3);

	// a creation and three updates per CI
	private static final int STEPS = 4;

	private static final int CIS = 5;

	private static final String PATH = "/kill";

	// a change as DomainEventOutbox.publish records it, committed on its own
	private static final String CHANGE = """
			INSERT INTO domain_event (event_type, aggregate_id, payload) VALUES (:type, :ci, CAST(:payload AS jsonb))
			""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Process> children = new ArrayList<>();

	// opens when the first node is dead: a retry it sent is held unanswered until then
	private final CountDownLatch killed = new CountDownLatch(1);

	private WebhookReceiver receiver;

	private record Answer(WebhookReceiver.Received request, int code) {
	}

	@AfterEach
	void stopChildren() throws InterruptedException {
		for (Process child : this.children) {
			child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
		}
		this.killed.countDown();
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	@Test
	void deliverWhenTheServerIsKilledMidRetryResumesAfterRestartLosingNothing() throws Exception {
		// given a receiver that is down: it answers a message's first attempt with 503 and holds a retry
		// unanswered until the sender is dead, so that no retry fails before the kill (the schedule's next wait
		// would be 5 min)
		this.receiver = WebhookReceiver.start();
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		Set<String> tried = ConcurrentHashMap.newKeySet();
		Set<String> held = ConcurrentHashMap.newKeySet();
		this.receiver.answer((request) -> {
			if (tried.add(request.id())) {
				answers.add(new Answer(request, 503));
				return 503;
			}
			held.add(request.id());
			awaitKill();
			return 503;
		});
		// and a node in a JVM of its own on a fresh schema, delivering, and an endpoint stored there as
		// WebhookManagement.register stores it (this JVM runs no node, so not through the service, which would)
		String url = PostgresForTests.freshSchemaUrl();
		Path dataDir = PostgresForTests.freshDataDir();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, PostgresForTests.user(), ""));
		JdbcWebhookRepository webhooks = new JdbcWebhookRepository(jdbc);
		Process first = child(url, dataDir, "first");
		await().atMost(CEILING)
			.failFast("the first node exited (see target/webhook-kill-first.log)", () -> !first.isAlive())
			.ignoreException(BadSqlGrammarException.class)
			.alias("the first node delivers webhooks (see target/webhook-kill-first.log)")
			.until(() -> jdbc.sql("SELECT count(*) FROM webhook_cursor").query(Long.class).single() == 1);
		String endpointId = Ids.next("webhook");
		String secret = WebhookSigner.newSecret();
		webhooks.insert(endpointId,
				new WebhookEndpointSpec("killed mid-retry", this.receiver.url(PATH), List.of("ci.*"), Map.of(), true),
				secret, Instant.now());

		// when two CIs are created and updated three times each, and the first node retries their first messages
		change(jdbc, 0, 2);
		await().atMost(CEILING).alias("the retries of the first two CIs' first messages").until(() -> held.size() == 2);
		Set<String> onTheWire = Set.copyOf(held);
		// and three more CIs change, whose first messages fail and wait for their retry
		change(jdbc, 2, CIS);
		await().atMost(CEILING)
			.alias("every CI's first message failed once and waits for its retry or has it on the wire")
			.until(() -> webhooks.deliveries(endpointId, 0, 100)
				.stream()
				.filter((d) -> (d.status().equals("pending") && d.attempts() == 1)
						|| (d.status().equals("delivering") && d.attempts() == 2))
				.count() == CIS);
		// and the node is killed there (SIGKILL)
		first.destroyForcibly();
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isEqualTo(137);

		// then nothing was delivered: each CI's first message is mid-retry, the others wait behind it
		List<WebhookDelivery> atKill = webhooks.deliveries(endpointId, 0, 100);
		assertThat(atKill).hasSize(CIS * STEPS).allSatisfy((d) -> assertThat(d.finishedAt()).isNull());
		assertThat(atKill).filteredOn((d) -> d.attempts() > 0).hasSize(CIS).allSatisfy((d) -> {
			if (onTheWire.contains(d.id())) {
				assertThat(d.status()).as("a retry on the wire").isEqualTo("delivering");
				assertThat(d.attempts()).isEqualTo(2);
			}
			else if (d.status().equals("pending")) {
				assertThat(d.attempts()).as("a retry the schedule set").isEqualTo(1);
				assertThat(d.nextAttemptAt()).isAfter(d.createdAt());
			}
		});
		assertThat(atKill).filteredOn((d) -> d.attempts() == 0)
			.allSatisfy((d) -> assertThat(d.status()).isEqualTo("pending"));

		// when the receiver is up again and a new node starts on the same schema and data folder
		this.receiver.answer((request) -> {
			answers.add(new Answer(request, 200));
			return 200;
		});
		this.killed.countDown();
		Process second = child(url, dataDir, "second");

		// then every message is delivered
		await().atMost(CEILING)
			.failFast("the second node exited (see target/webhook-kill-second.log)", () -> !second.isAlive())
			.alias("every message delivered by the second node (see target/webhook-kill-second.log)")
			.until(() -> webhooks.deliveries(endpointId, 0, 100)
				.stream()
				.filter((d) -> d.status().equals("succeeded"))
				.count() == CIS * STEPS);
		Map<String, WebhookDelivery> before = atKill.stream()
			.collect(Collectors.toMap(WebhookDelivery::id, Function.identity()));
		assertThat(webhooks.deliveries(endpointId, 0, 100)).hasSize(CIS * STEPS)
			.allSatisfy((d) -> assertThat(d.attempts()).as("attempts go on from where the dead node left them")
				.isEqualTo(before.get(d.id()).attempts() + 1));
		List<WebhookReceiver.Received> failed = answered(answers, 503);
		List<WebhookReceiver.Received> accepted = answered(answers, 200);
		// each accepted exactly once, and each a different change: none lost, none sent under a second id
		assertThat(accepted.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting())))
			.hasSize(CIS * STEPS)
			.containsOnlyKeys(before.keySet())
			.allSatisfy((id, times) -> assertThat(times).isOne());
		assertThat(accepted).extracting((request) -> ci(request).toString())
			.doesNotHaveDuplicates()
			.hasSize(CIS * STEPS);
		// every request the receiver got is signed, those to the dead node included
		assertThat(this.receiver.received(PATH)).hasSize(failed.size() + held.size() + accepted.size());
		for (WebhookReceiver.Received request : this.receiver.received(PATH)) {
			assertThat(WebhookReceiver.verify(secret, request)).isTrue();
		}
		// a message that failed before the kill is accepted after it under the same webhook-id and body
		assertThat(failed).hasSize(CIS);
		assertThat(held).containsAll(onTheWire);
		for (WebhookReceiver.Received before503 : failed) {
			assertThat(accepted).filteredOn((request) -> request.id().equals(before503.id()))
				.singleElement()
				.satisfies((after) -> assertThat(after.body()).isEqualTo(before503.body()));
		}
		// and each CI's changes in order
		Map<String, List<Integer>> stepsByCi = new LinkedHashMap<>();
		accepted.stream()
			.map(this::ci)
			.forEach((ci) -> stepsByCi.computeIfAbsent(ci.get("id").asString(), (k) -> new ArrayList<>())
				.add(ci.get("step").asInt()));
		assertThat(stepsByCi).hasSize(CIS).allSatisfy((ci, steps) -> assertThat(steps).containsExactly(0, 1, 2, 3));
	}

	private void change(JdbcClient jdbc, int fromCi, int toCi) {
		for (int step = 0; step < STEPS; step++) {
			for (int ci = fromCi; ci < toCi; ci++) {
				String id = "ci_kill_" + ci;
				jdbc.sql(CHANGE)
					.param("type", (step == 0) ? "ci.created" : "ci.updated")
					.param("ci", id)
					.param("payload", this.json.writeValueAsString(Map.of("ci", Map.of("id", id, "step", step))))
					.update();
			}
		}
	}

	private void awaitKill() {
		try {
			this.killed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<WebhookReceiver.Received> answered(List<Answer> answers, int code) {
		synchronized (answers) {
			return answers.stream().filter((answer) -> answer.code() == code).map(Answer::request).toList();
		}
	}

	private JsonNode ci(WebhookReceiver.Received request) {
		return this.json.readTree(request.body()).get("data").get("ci");
	}

	// a node as the server runs it: its own JVM, webhooks to loopback allowed; a lease of 30 s (twice the
	// request timeout, so a live node never loses a message it is still sending) instead of a minute, so that
	// the new node takes over what the dead one had on the wire sooner
	private Process child(String url, Path dataDir, String name) throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(), "-cp",
				System.getProperty("java.class.path"), CoreTestApplication.class.getName(),
				"--spring.main.keep-alive=true", "--nopesight.db.pool-size=4", "--nopesight.db.url=" + url,
				"--nopesight.db.user=" + PostgresForTests.user(), "--nopesight.data-dir=" + dataDir,
				"--nopesight.webhook.allowed-hosts=127.0.0.1", "--nopesight.webhook.poll-interval=50ms",
				"--nopesight.webhook.lease=30s");
		File log = Path.of("target", "webhook-kill-" + name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		this.children.add(process);
		return process;
	}

}
