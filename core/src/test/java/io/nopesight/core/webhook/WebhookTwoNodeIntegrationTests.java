package io.nopesight.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.CoreTestApplication;
import io.nopesight.core.PostgresForTests;
import io.nopesight.core.outbox.DomainEventOutbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, this test's context and a second application context on the same schema, share webhook delivery:
 * every event reaches the receiver exactly once between them. A context of its own, so that no other test has
 * moved its clock away from the second node's.
 */
@CoreIntegrationTest
@TestPropertySource(properties = { "nopesight.webhook.allowed-hosts=127.0.0.1", "nopesight.webhook.poll-interval=20ms",
		"nopesight.webhook.per-endpoint=8" })
class WebhookTwoNodeIntegrationTests {

	private static final int EVENTS = 300;

	@Autowired
	private WebhookManagement webhooks;

	@Autowired
	private DomainEventOutbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Environment environment;

	private ConfigurableApplicationContext secondNode;

	private WebhookReceiver receiver;

	@BeforeEach
	void startSecondNode() throws Exception {
		this.receiver = WebhookReceiver.start();
		this.secondNode = new SpringApplicationBuilder(CoreTestApplication.class)
			.properties(Map.of("nopesight.db.url", this.environment.getProperty("nopesight.db.url"), "nopesight.db.user",
					this.environment.getProperty("nopesight.db.user"), "nopesight.db.pool-size", "4",
					"nopesight.data-dir", PostgresForTests.freshDataDir().toString(), "spring.quartz.scheduler-name",
					"webhook-second-node", "nopesight.webhook.allowed-hosts", "127.0.0.1",
					"nopesight.webhook.poll-interval", "20ms", "nopesight.webhook.per-endpoint", "8"))
			.run();
	}

	@AfterEach
	void stopSecondNode() {
		this.secondNode.close();
		this.receiver.close();
	}

	@Test
	void deliverWhenTwoNodesShareTheWorkSendsEachEventOnce() {
		// given two webhooks
		WebhookSecret fast = this.webhooks.register(new WebhookEndpointSpec("fast", this.receiver.url("/node-fast"),
				List.of("ci.*"), Map.of(), true));
		WebhookSecret other = this.webhooks.register(new WebhookEndpointSpec("other",
				this.receiver.url("/node-other"), List.of("ci.updated"), Map.of(), true));

		// when many changes commit, in batches, about a few dozen CIs
		for (int batch = 0; batch < EVENTS / 50; batch++) {
			int first = batch * 50;
			this.transactions.executeWithoutResult((status) -> {
				for (int i = first; i < first + 50; i++) {
					this.outbox.publish("ci.updated", "ci_node_" + (i % 40), Map.of("ci", Map.of("n", i)));
				}
			});
		}

		// then every message arrived once, whichever node sent it
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.receiver.received("/node-fast").size() >= EVENTS
					&& this.receiver.received("/node-other").size() >= EVENTS);
		for (String path : List.of("/node-fast", "/node-other")) {
			Map<String, Long> perId = this.receiver.received(path)
				.stream()
				.collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
			assertThat(perId).hasSize(EVENTS);
			assertThat(perId.values()).containsOnly(1L);
		}
		List<String> senders = this.jdbc
			.sql("SELECT DISTINCT claimed_by FROM webhook_delivery WHERE endpoint_id IN (:a, :b)")
			.param("a", fast.endpoint().id())
			.param("b", other.endpoint().id())
			.query(String.class)
			.list();
		assertThat(senders).isNotEmpty();
		this.webhooks.delete(fast.endpoint().id());
		this.webhooks.delete(other.endpoint().id());
	}

}
