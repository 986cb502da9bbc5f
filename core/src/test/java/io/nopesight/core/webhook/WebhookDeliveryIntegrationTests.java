package io.nopesight.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.TestClock;
import io.nopesight.core.outbox.DomainEventOutbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@CoreIntegrationTest
@TestPropertySource(properties = { "nopesight.webhook.allowed-hosts=127.0.0.1", "nopesight.webhook.poll-interval=50ms" })
class WebhookDeliveryIntegrationTests {

	private static final Duration CEILING = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> registered = new ArrayList<>();

	private final List<WebhookReceiver> receivers = new ArrayList<>();

	@Autowired
	private WebhookManagement webhooks;

	@Autowired
	private DomainEventOutbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private TestClock clock;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void cleanUp() {
		this.registered.forEach(this.webhooks::delete);
		this.receivers.forEach(WebhookReceiver::close);
		this.clock.unfreeze();
	}

	@Test
	void deliverWhenReceiverIsUpSendsSignedStandardWebhook() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		WebhookSecret endpoint = register(receiver.url("/signed"), List.of("ci.*"), Map.of("X-Custom-Auth", "token-1"));

		// when
		publish("ci.created", "ci_signed_1", Map.of("ci", Map.of("id", "ci_signed_1", "name", "web-01")));

		// then
		await().atMost(CEILING).until(() -> receiver.received("/signed").size() == 1);
		WebhookReceiver.Received request = receiver.received("/signed").get(0);
		assertThat(WebhookReceiver.verify(endpoint.secret(), request)).isTrue();
		assertThat(request.headers().getFirst("X-Custom-Auth")).isEqualTo("token-1");
		assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("event").asString()).isEqualTo("ci.created");
		assertThat(body.get("data").get("ci").get("name").asString()).isEqualTo("web-01");
		assertThat(body.get("webhook_id").asString()).isEqualTo(endpoint.endpoint().id());
		assertThat(body.get("delivery_id").asString()).isEqualTo(request.id());
		assertThat(body.get("timestamp").asString()).isNotBlank();
		await().atMost(CEILING).untilAsserted(() -> assertThat(deliveries(endpoint)).singleElement()
			.satisfies((d) -> {
				assertThat(d.status()).isEqualTo("succeeded");
				assertThat(d.responseCode()).isEqualTo(204);
				assertThat(d.attempts()).isEqualTo(1);
				assertThat(d.latencyMs()).isNotNull();
			}));
	}

	@Test
	void deliverWhenReceiverIsDownThenUpLosesNothingAndKeepsOrderPerResource() throws Exception {
		// given an endpoint whose receiver is not listening
		int port = WebhookReceiver.freePort();
		WebhookSecret endpoint = register("http://127.0.0.1:" + port + "/down", List.of("ci.*"), Map.of());

		// when five CIs are created and updated three times each
		for (int step = 0; step < 4; step++) {
			for (int ci = 0; ci < 5; ci++) {
				publish((step == 0) ? "ci.created" : "ci.updated", "ci_down_" + ci,
						Map.of("ci", Map.of("id", "ci_down_" + ci, "step", step)));
			}
		}

		// then only each CI's first message is tried while it fails: later ones wait behind it
		await().atMost(CEILING).untilAsserted(() -> {
			List<WebhookDelivery> all = deliveries(endpoint);
			assertThat(all).hasSize(20);
			assertThat(all).filteredOn((d) -> d.attempts() > 0).hasSize(5).allSatisfy((d) -> {
				assertThat(d.status()).isEqualTo("pending");
				assertThat(d.lastError()).isEqualTo("could not connect to http://127.0.0.1:" + port + "/down");
			});
		});

		// when the receiver comes up, and time passes for the retries
		WebhookReceiver receiver = WebhookReceiver.startOn(port);
		this.receivers.add(receiver);
		await().atMost(CEILING).until(() -> {
			this.clock.advance(Duration.ofSeconds(10));
			return deliveries(endpoint).stream().allMatch((d) -> d.status().equals("succeeded"));
		});

		// then every message arrived, a repeat only under the same webhook-id, and in order per CI
		List<WebhookReceiver.Received> received = receiver.received("/down");
		Map<String, List<String>> bodiesById = received.stream()
			.collect(Collectors.groupingBy(WebhookReceiver.Received::id,
					Collectors.mapping(WebhookReceiver.Received::body, Collectors.toList())));
		assertThat(bodiesById).hasSize(20);
		bodiesById.values().forEach((bodies) -> assertThat(bodies).containsOnly(bodies.get(0)));
		for (WebhookReceiver.Received request : received) {
			assertThat(WebhookReceiver.verify(endpoint.secret(), request)).isTrue();
		}
		Map<String, List<Integer>> stepsByCi = new LinkedHashMap<>();
		received.stream().map((r) -> this.json.readTree(r.body()).get("data").get("ci")).forEach((ci) -> {
			List<Integer> steps = stepsByCi.computeIfAbsent(ci.get("id").asString(), (k) -> new ArrayList<>());
			int step = ci.get("step").asInt();
			if (!steps.contains(step)) {
				steps.add(step);
			}
		});
		assertThat(stepsByCi).hasSize(5).allSatisfy((ci, steps) -> assertThat(steps).containsExactly(0, 1, 2, 3));
	}

	@Test
	void deliverWhenEventTypeIsNotFollowedSendsNothing() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		WebhookSecret endpoint = register(receiver.url("/filtered"), List.of("incident.created"), Map.of());

		// when
		publish("ci.created", "ci_filtered_1", Map.of("ci", Map.of("id", "ci_filtered_1")));
		publish("incident.created", "inc_filtered_1", Map.of("incident", Map.of("id", "inc_filtered_1")));

		// then
		await().atMost(CEILING).until(() -> receiver.received("/filtered").size() == 1);
		assertThat(this.json.readTree(receiver.received("/filtered").get(0).body()).get("event").asString())
			.isEqualTo("incident.created");
		assertThat(deliveries(endpoint)).hasSize(1);
	}

	@Test
	void redeliverWhenDeliverySucceededSendsTheSameMessageAgain() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		WebhookSecret endpoint = register(receiver.url("/again"), List.of("*"), Map.of());
		WebhookDelivery test = this.webhooks.sendTest(endpoint.endpoint().id());
		await().atMost(CEILING).until(() -> receiver.received("/again").size() == 1);

		// when
		this.webhooks.redeliver(endpoint.endpoint().id(), test.id());

		// then
		await().atMost(CEILING).until(() -> receiver.received("/again").size() == 2);
		List<WebhookReceiver.Received> received = receiver.received("/again");
		assertThat(received).extracting(WebhookReceiver.Received::id).containsOnly(test.id());
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		assertThat(this.json.readTree(received.get(0).body()).get("event").asString()).isEqualTo("webhook.test");
	}

	@Test
	void deliverWhenReceiverAnswersRedirectOrErrorRetriesAndGoneDisables() throws Exception {
		// given a receiver that redirects first, then says the endpoint is gone
		WebhookReceiver receiver = receiver();
		receiver.answer((request) -> (receiver.received("/gone").size() <= 1) ? 302 : 410);
		WebhookSecret endpoint = register(receiver.url("/gone"), List.of("ci.*"), Map.of());

		// when
		publish("ci.deleted", "ci_gone_1", Map.of("ci", Map.of("id", "ci_gone_1")));

		// then the 3xx was a failure to retry, and the 410 disabled the endpoint
		await().atMost(CEILING).until(() -> {
			this.clock.advance(Duration.ofSeconds(10));
			return !this.webhooks.endpoint(endpoint.endpoint().id()).active();
		});
		assertThat(this.webhooks.endpoint(endpoint.endpoint().id()).disabledReason()).contains("410");
		assertThat(deliveries(endpoint)).singleElement().satisfies((d) -> {
			assertThat(d.status()).isEqualTo("failed");
			assertThat(d.attempts()).isEqualTo(2);
			assertThat(d.responseCode()).isEqualTo(410);
		});
	}

	@Test
	void deliverWhenReceiverAsksToRetryLaterWaitsThatLong() throws Exception {
		// given a receiver that is overloaded for two minutes
		WebhookReceiver receiver = receiver();
		receiver.answer((request) -> 503);
		receiver.retryAfter("120");
		WebhookSecret endpoint = register(receiver.url("/later"), List.of("*"), Map.of());
		Instant now = this.clock.freeze();

		// when
		this.webhooks.sendTest(endpoint.endpoint().id());

		// then the next attempt is when it asked, not the schedule's 5 s
		await().atMost(CEILING).untilAsserted(() -> assertThat(deliveries(endpoint)).singleElement()
			.satisfies((d) -> {
				assertThat(d.attempts()).isEqualTo(1);
				assertThat(d.responseCode()).isEqualTo(503);
				assertThat(d.nextAttemptAt()).isBetween(now.plusSeconds(119), now.plusSeconds(121));
			}));
	}

	@Test
	void deliverWhenEveryAttemptFailsForFiveDaysDisablesAndFlagsTheEndpoint() throws Exception {
		// given a receiver that always fails
		WebhookReceiver receiver = receiver();
		receiver.answer((request) -> 500);
		WebhookSecret endpoint = register(receiver.url("/failing"), List.of("*"), Map.of());
		this.webhooks.sendTest(endpoint.endpoint().id());
		await().atMost(CEILING).until(() -> this.webhooks.endpoint(endpoint.endpoint().id()).failingSince() != null);
		assertThat(this.webhooks.endpoint(endpoint.endpoint().id()).active()).isTrue();

		// when five days pass and it still fails
		this.clock.advance(Duration.ofDays(5).plusMinutes(1));
		this.webhooks.sendTest(endpoint.endpoint().id());

		// then
		await().atMost(CEILING).until(() -> !this.webhooks.endpoint(endpoint.endpoint().id()).active());
		assertThat(this.webhooks.endpoint(endpoint.endpoint().id()).disabledReason()).contains("5 days");
	}

	@Test
	void pruneWhenDeliveryFinishedLongerAgoThanRetentionDeletesIt() throws Exception {
		// given a delivered message
		WebhookReceiver receiver = receiver();
		WebhookSecret endpoint = register(receiver.url("/prune"), List.of("*"), Map.of());
		this.webhooks.sendTest(endpoint.endpoint().id());
		await().atMost(CEILING).until(() -> deliveries(endpoint).stream().anyMatch((d) -> d.status().equals("succeeded")));

		// when the retention (7 days) and the hourly pruning interval have passed
		this.clock.advance(Duration.ofDays(8));

		// then only the delivery row goes; the outbox is left to its other followers
		await().atMost(CEILING).until(() -> deliveries(endpoint).isEmpty());
		assertThat(this.webhooks.endpoint(endpoint.endpoint().id()).active()).isTrue();
	}

	@Test
	void deliverWhenNodeDiedMidAttemptSendsTheSameMessageOnceItsLeaseLapses() throws Exception {
		// given a message a node claimed, tried once and never finished (it died)
		WebhookReceiver receiver = receiver();
		WebhookSecret endpoint = register(receiver.url("/orphan"), List.of("*"), Map.of());
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (id, endpoint_id, event_type, resource_key, body, status, attempts,
				    claimed_by, lease_until, created_at)
				VALUES ('msg_orphan_1', :endpoint, 'ci.updated', 'ci_orphan', '{"event":"ci.updated"}', 'delivering', 1,
				    'node_dead', :leaseUntil, :now)
				""")
			.param("endpoint", endpoint.endpoint().id())
			.param("leaseUntil", java.sql.Timestamp.from(now.plusSeconds(60)))
			.param("now", java.sql.Timestamp.from(now))
			.update();

		// when its lease runs out
		this.clock.advance(Duration.ofMinutes(2));

		// then a live node sends it, under the same webhook-id and body
		await().atMost(CEILING).until(() -> receiver.received("/orphan").size() == 1);
		assertThat(receiver.received("/orphan").get(0).id()).isEqualTo("msg_orphan_1");
		assertThat(receiver.received("/orphan").get(0).body()).isEqualTo("{\"event\":\"ci.updated\"}");
		await().atMost(CEILING).untilAsserted(() -> assertThat(deliveries(endpoint)).singleElement()
			.satisfies((d) -> {
				assertThat(d.status()).isEqualTo("succeeded");
				assertThat(d.attempts()).isEqualTo(2);
			}));
	}

	@Test
	void registerWhenUrlIsPrivateOrHeaderIsReservedRefusesIt() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.webhooks
			.register(new WebhookEndpointSpec("private", "http://10.0.0.1/in", List.of("ci.*"), Map.of(), true)));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.webhooks.register(new WebhookEndpointSpec("metadata",
					"http://169.254.169.254/latest", List.of("ci.*"), Map.of(), true)));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.webhooks.register(new WebhookEndpointSpec("spoof", "http://127.0.0.1:1/in",
					List.of("ci.*"), Map.of("webhook-signature", "v1,forged"), true)));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.webhooks
			.register(new WebhookEndpointSpec("unknown", "http://127.0.0.1:1/in", List.of("cis.*"), Map.of(), true)));
	}

	@Test
	void rotateSecretWhenRotatedSignsWithBothUntilTheOverlapEnds() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		WebhookSecret original = register(receiver.url("/rotate"), List.of("*"), Map.of());

		// when
		WebhookSecret rotated = this.webhooks.rotateSecret(original.endpoint().id());
		this.webhooks.sendTest(original.endpoint().id());

		// then
		await().atMost(CEILING).until(() -> receiver.received("/rotate").size() == 1);
		WebhookReceiver.Received request = receiver.received("/rotate").get(0);
		assertThat(rotated.secret()).isNotEqualTo(original.secret());
		assertThat(request.signature().split(" ")).hasSize(2);
		assertThat(WebhookReceiver.verify(original.secret(), request)).isTrue();
		assertThat(WebhookReceiver.verify(rotated.secret(), request)).isTrue();

		// when the overlap is over
		this.clock.advance(Duration.ofHours(25));
		this.webhooks.sendTest(original.endpoint().id());

		// then
		await().atMost(CEILING).until(() -> receiver.received("/rotate").size() == 2);
		WebhookReceiver.Received later = receiver.received("/rotate").get(1);
		assertThat(later.signature().split(" ")).hasSize(1);
		assertThat(WebhookReceiver.verify(rotated.secret(), later)).isTrue();
		assertThat(WebhookReceiver.verify(original.secret(), later)).isFalse();
	}

	private WebhookReceiver receiver() throws Exception {
		WebhookReceiver receiver = WebhookReceiver.start();
		this.receivers.add(receiver);
		return receiver;
	}

	private WebhookSecret register(String url, List<String> events, Map<String, String> headers) {
		WebhookSecret created = this.webhooks
			.register(new WebhookEndpointSpec("test " + url, url, events, headers, true));
		this.registered.add(created.endpoint().id());
		return created;
	}

	private void publish(String type, String aggregateId, Object payload) {
		this.transactions.executeWithoutResult((status) -> this.outbox.publish(type, aggregateId, payload));
	}

	private List<WebhookDelivery> deliveries(WebhookSecret endpoint) {
		return this.webhooks.deliveries(endpoint.endpoint().id(), 1, 1000).items();
	}

}
