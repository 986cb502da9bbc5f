package io.nopesight.api.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.webhook.WebhookReceiver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks over HTTP: registration with the secret shown once, a CI created through the API arriving signed at
 * a real receiver on loopback, its delivery listed and redelivered, and the 400, 403 and 404 answers.
 */
@ApiIntegrationTest
class WebhookApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	@LocalServerPort
	int port;

	ApiClient admin;

	private final List<WebhookReceiver> receivers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.admin(this.port);
	}

	@AfterEach
	void closeReceivers() {
		this.receivers.forEach(WebhookReceiver::close);
	}

	@Test
	void createWhenCiIsCreatedDeliversSignedPayloadAndListsTheDelivery() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		Response created = this.admin.post("/v1/webhooks", Map.of("name", "CI feed", "url",
				receiver.url("/api-ci"), "events", List.of("ci.created"), "headers", Map.of("X-Custom-Auth", "t-1")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String secret = created.json().get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(created.header("Location")).isEqualTo("/v1/webhooks/" + id);

		// when
		Response ci = this.admin.post("/v1/cmdb/ci", Map.of("name", "HOOKED-WEB-01", "type", "server"));
		assertThat(ci.status()).as(ci.body()).isEqualTo(201);

		// then
		await().atMost(PATIENCE).until(() -> receiver.received("/api-ci").size() == 1);
		WebhookReceiver.Received request = receiver.received("/api-ci").get(0);
		assertThat(WebhookReceiver.verify(secret, request)).isTrue();
		JsonNode body = ApiClient.json(request.body());
		assertThat(body.get("event").asString()).isEqualTo("ci.created");
		assertThat(body.get("webhook_id").asString()).isEqualTo(id);
		assertThat(body.get("delivery_id").asString()).isEqualTo(request.id());
		assertThat(body.at("/data/ci/name").asString()).isEqualTo("HOOKED-WEB-01");
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode deliveries = this.admin.get("/v1/webhooks/" + id + "/deliveries").json().get("data");
			assertThat(deliveries).hasSize(1);
			assertThat(deliveries.get(0).get("status").asString()).isEqualTo("succeeded");
			assertThat(deliveries.get(0).get("response_code").asInt()).isEqualTo(204);
			assertThat(deliveries.get(0).get("id").asString()).isEqualTo(request.id());
		});

		// when
		Response redelivered = this.admin.post("/v1/webhooks/" + id + "/deliveries/" + request.id() + "/redeliver",
				Map.of());

		// then
		assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
		await().atMost(PATIENCE).until(() -> receiver.received("/api-ci").size() == 2);
		assertThat(receiver.received("/api-ci").get(1).id()).isEqualTo(request.id());
		this.admin.delete("/v1/webhooks/" + id);
	}

	@Test
	void crudWhenWebhookIsChangedShowsItWithoutItsSecret() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		String id = this.admin.post("/v1/webhooks",
				Map.of("name", "Crud hook", "url", receiver.url("/crud"), "events", List.of("incident.*")))
			.json()
			.get("id")
			.asString();

		// when
		Response updated = this.admin.put("/v1/webhooks/" + id, Map.of("name", "Crud hook 2", "url",
				receiver.url("/crud"), "events", List.of("ci.*", "service.health_changed"), "active", false));

		// then
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		JsonNode read = this.admin.get("/v1/webhooks/" + id).json();
		assertThat(read.get("name").asString()).isEqualTo("Crud hook 2");
		assertThat(read.get("active").asBoolean()).isFalse();
		assertThat(read.has("secret")).isFalse();
		assertThat(this.admin.get("/v1/webhooks").json().get("data").findValuesAsString("id")).contains(id);
		Response rotated = this.admin.post("/v1/webhooks/" + id + "/rotate-secret", Map.of());
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().get("secret").asString()).startsWith("whsec_");
		assertThat(this.admin.delete("/v1/webhooks/" + id).status()).isEqualTo(204);
		assertThat(this.admin.get("/v1/webhooks/" + id).status()).isEqualTo(404);
	}

	@Test
	void readWhenWebhookHasCustomHeadersHidesTheirValuesAndAReplacementThatSendsThemBackKeepsThem() throws Exception {
		// given
		WebhookReceiver receiver = receiver();
		Response created = this.admin.post("/v1/webhooks", Map.of("name", "Hidden", "url", receiver.url("/hidden"),
				"events", List.of("ci.created"), "headers", Map.of("X-Custom-Auth", "secret-token")));
		String id = created.json().get("id").asString();
		String secret = created.json().get("secret").asString();

		// when
		JsonNode read = this.admin.get("/v1/webhooks/" + id).json();

		// then
		assertThat(read.at("/headers/X-Custom-Auth").asString()).isEqualTo("********");
		assertThat(this.admin.get("/v1/webhooks").body()).doesNotContain("secret-token");

		// when: the endpoint as read goes back with another name
		Response replaced = this.admin.put("/v1/webhooks/" + id, Map.of("name", "Hidden 2", "url",
				receiver.url("/hidden"), "events", List.of("ci.created"), "headers", Map.of("X-Custom-Auth", "********")));
		this.admin.post("/v1/cmdb/ci", Map.of("name", "HIDDEN-HEADER-01", "type", "server"));

		// then: the receiver still gets the stored value
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().at("/headers/X-Custom-Auth").asString()).isEqualTo("********");
		await().atMost(PATIENCE).until(() -> receiver.received("/hidden").size() == 1);
		WebhookReceiver.Received request = receiver.received("/hidden").get(0);
		assertThat(WebhookReceiver.verify(secret, request)).isTrue();
		assertThat(request.headers().getFirst("X-Custom-Auth")).isEqualTo("secret-token");

		// when: a header it never had, given as hidden
		Response unknown = this.admin.put("/v1/webhooks/" + id, Map.of("name", "Hidden 3", "url",
				receiver.url("/hidden"), "events", List.of("ci.created"), "headers", Map.of("X-Other", "********")));

		// then
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().at("/error/details/0/field").asString()).isEqualTo("headers");
		assertThat(this.admin.get("/v1/webhooks/" + id).json().get("name").asString()).isEqualTo("Hidden 2");
		this.admin.delete("/v1/webhooks/" + id);
	}

	@Test
	void createWhenInputIsBadAnswers400AndWithoutScope403() throws Exception {
		Response privateUrl = this.admin.post("/v1/webhooks",
				Map.of("name", "Bad", "url", "http://169.254.169.254/latest", "events", List.of("ci.*")));
		assertThat(privateUrl.status()).isEqualTo(400);
		assertThat(privateUrl.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(privateUrl.json().at("/error/details/0/field").asString()).isEqualTo("url");
		Response unknownEvent = this.admin.post("/v1/webhooks",
				Map.of("name", "Bad", "url", "http://127.0.0.1:1/x", "events", List.of("nothing.*")));
		assertThat(unknownEvent.status()).isEqualTo(400);
		Response spoof = this.admin.post("/v1/webhooks", Map.of("name", "Bad", "url", "http://127.0.0.1:1/x",
				"events", List.of("ci.*"), "headers", Map.of("Webhook-Signature", "v1,x")));
		assertThat(spoof.status()).isEqualTo(400);
		assertThat(this.admin.get("/v1/webhooks/webhook_missing").status()).isEqualTo(404);
		assertThat(this.admin.get("/v1/webhooks/event-types").json().get("data").valueStream()
			.map(JsonNode::asString)
			.toList()).contains("ci.created", "incident.updated", "report.completed");
		ApiClient reader = this.admin.withToken(apiKey("hooks-reader@company.com", List.of("cmdb.read")));
		assertThat(reader.get("/v1/webhooks").status()).isEqualTo(403);
	}

	private WebhookReceiver receiver() throws Exception {
		WebhookReceiver receiver = WebhookReceiver.start();
		this.receivers.add(receiver);
		return receiver;
	}

	private String apiKey(String owner, List<String> scopes) {
		Response created = this.admin.post("/v1/auth/api-keys",
				Map.of("name", owner + " key", "owner", owner, "scopes", scopes));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

}
