package io.nopesight.api.event;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.api.ChildNode;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real thing: two Alertmanagers (Debian package {@code prometheus-alertmanager}) on loopback, as an HA pair
 * that does not gossip, both notifying this application's webhook with a bearer token. Alerts pushed to both
 * through Alertmanager's own API become one event each, bound to their CI by the {@code instance} label; when
 * they end, Alertmanager's resolved notifications resolve them; repeats and the second peer change nothing.
 */
@ApiIntegrationTest
class AlertmanagerRealIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	@LocalServerPort
	int port;

	private final List<Process> processes = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroy);
	}

	@Test
	void alertsWhenTwoAlertmanagersNotifyBecomeOneEventEachAndResolveWhenTheyEnd() throws Exception {
		// given: the CIs the alerts are about, by host name and by address
		ApiClient api = ApiClient.admin(this.port);
		String db = api.post("/v1/cmdb/ci", Map.of("name", "AMREAL-DB-01", "type", "server", "attributes",
				Map.of("hostname", "amreal-db-01.lab.example"))).json().get("id").asString();
		String web = api.post("/v1/cmdb/ci", Map.of("name", "AMREAL-WEB-01", "type", "server", "attributes",
				Map.of("ip_address", "10.88.0.5"))).json().get("id").asString();
		List<Integer> alertmanagers = List.of(startAlertmanager("a"), startAlertmanager("b"));
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// when
		for (int alertmanager : alertmanagers) {
			push(alertmanager, alerts(started, null));
		}
		// then
		await().atMost(PATIENCE).until(() -> events(api, db).size() == 1 && events(api, web).size() == 1);
		JsonNode dbEvent = events(api, db).get(0);
		assertThat(dbEvent.get("title").asString()).isEqualTo("amreal-db-01 unreachable");
		assertThat(dbEvent.get("severity").asString()).isEqualTo("critical");
		assertThat(dbEvent.get("source").asString()).isEqualTo("alertmanager");
		assertThat(dbEvent.at("/labels/alertname").asString()).isEqualTo("AmRealInstanceDown");
		assertThat(dbEvent.get("created_at").asString()).isEqualTo(started.toString());
		assertThat(events(api, web).get(0).get("severity").asString()).isEqualTo("medium");
		// and when the alerts end
		Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int alertmanager : alertmanagers) {
			push(alertmanager, alerts(started, ended));
		}
		await().atMost(PATIENCE).until(() -> "resolved".equals(events(api, db).get(0).get("status").asString())
				&& "resolved".equals(events(api, web).get(0).get("status").asString()));
		assertThat(events(api, db)).hasSize(1);
		assertThat(events(api, web)).hasSize(1);
		JsonNode history = api.get("/v1/events/" + events(api, db).get(0).get("id").asString()).json()
			.get("status_history");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(1).get("comment").asString()).startsWith("resolved by Alertmanager");
	}

	private int startAlertmanager(String name) throws IOException {
		Path dir = PostgresForTests.freshDataDir().resolve("alertmanager-" + name);
		Files.createDirectories(dir);
		int webPort = ChildNode.freePort();
		Path config = dir.resolve("alertmanager.yml");
		Files.writeString(config, """
				global:
				  resolve_timeout: 1m
				route:
				  receiver: nopesight
				  group_by: ['alertname']
				  group_wait: 1s
				  group_interval: 1s
				  repeat_interval: 1h
				receivers:
				  - name: nopesight
				    webhook_configs:
				      - url: http://127.0.0.1:%d/v1/integrations/alertmanager
				        send_resolved: true
				        http_config:
				          authorization:
				            credentials: %s
				""".formatted(this.port, ApiClient.ADMIN_TOKEN));
		Process process = new ProcessBuilder("prometheus-alertmanager", "--config.file=" + config,
				"--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + webPort,
				"--cluster.listen-address=")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		this.processes.add(process);
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/-/ready")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode() == 200);
		return webPort;
	}

	private static String alerts(Instant startsAt, Instant endsAt) {
		String ends = (endsAt != null) ? ", \"endsAt\": \"" + endsAt + "\"" : "";
		return """
				[{"labels": {"alertname": "AmRealInstanceDown", "instance": "amreal-db-01:9187", "job": "postgres",
				             "severity": "critical"},
				  "annotations": {"summary": "amreal-db-01 unreachable"}, "startsAt": "%1$s"%2$s},
				 {"labels": {"alertname": "AmRealHighCPU", "instance": "10.88.0.5:9100", "job": "node",
				             "severity": "warning"},
				  "annotations": {"summary": "CPU usage above 90%% on 10.88.0.5"}, "startsAt": "%1$s"%2$s}]
				""".formatted(startsAt, ends);
	}

	private void push(int alertmanager, String alerts) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanager + "/api/v2/alerts"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(alerts))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static List<JsonNode> events(ApiClient api, String ci) {
		List<JsonNode> events = new ArrayList<>();
		api.get("/v1/events?source=alertmanager&ci_id=" + ci).json().get("data").forEach(events::add);
		return events;
	}

}
