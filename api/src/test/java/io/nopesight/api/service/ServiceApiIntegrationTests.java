package io.nopesight.api.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Business services over HTTP: definition and its checks, dependencies and their cycles, health that follows
 * a critical event on a component's host to a dependent service and back when it is resolved, and the SLA
 * over a window with that outage in it.
 */
@ApiIntegrationTest
class ServiceApiIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.admin(this.port);
	}

	@AfterEach
	void unfreeze() {
		this.clock.unfreeze();
	}

	@Test
	void createWhenValidAnswers201WithComponentsByNameAndHealthAndWhenWrongNamesEachField() {
		// given
		String web = ci("SVCAPI-WEB-01", "server");
		ci("SVCAPI-DB-01", "database");
		// when
		Response created = this.api.post("/v1/services", service("SVCAPI Shop", "high",
				List.of(component(web, "web_server"), component("SVCAPI-DB-01", "database"))));
		Response again = this.api.post("/v1/services", service("svcapi shop", "high", List.of()));
		Response bad = this.api.post("/v1/services", Map.of("name", " ", "criticality", "urgent", "sla",
				Map.of("availability", "always"), "components", List.of(Map.of("ci_id", "NO-SUCH-CI-SVCAPI"))));
		Response empty = this.api.post("/v1/services", Map.of());
		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("id").asString()).startsWith("svc_");
		assertThat(created.header("Location")).isEqualTo("/v1/services/" + body.get("id").asString());
		assertThat(body.get("criticality").asString()).isEqualTo("high");
		assertThat(body.at("/sla/availability").asString()).isEqualTo("99.9%");
		assertThat(body.at("/sla/response_time").asString()).isEqualTo("< 2s");
		assertThat(body.at("/components/1/ci_name").asString()).isEqualTo("SVCAPI-DB-01");
		assertThat(body.at("/components/1/role").asString()).isEqualTo("database");
		assertThat(body.at("/health/status").asString()).isEqualTo("healthy");
		assertThat(body.at("/health/score").asDouble()).isEqualTo(100.0);
		assertThat(again.status()).isEqualTo(409);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).contains("name", "criticality", "sla.availability", "components[0].ci_id");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(total("/v1/services?search=svcapi%20shop")).isEqualTo(1);
	}

	@Test
	void updateListAndDeleteWorkAndAnUnknownServiceIs404() {
		// given
		String id = create("SVCAPI Wiki", "low", List.of());
		// when
		Response updated = this.api.put("/v1/services/" + id, Map.of("description", "Team wiki", "criticality",
				"medium", "components", List.of(component(ci("SVCAPI-WIKI-VM", "server"), "app"))));
		Response listed = this.api.get("/v1/services?search=svcapi%20wiki&criticality=medium&health=healthy");
		Response badFilter = this.api.get("/v1/services?health=sideways");
		Response deleted = this.api.delete("/v1/services/" + id);
		// then
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("SVCAPI Wiki");
		assertThat(updated.json().get("description").asString()).isEqualTo("Team wiki");
		assertThat(updated.json().at("/components/0/ci_name").asString()).isEqualTo("SVCAPI-WIKI-VM");
		assertThat(listed.json().at("/data/0/id").asString()).isEqualTo(id);
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(this.api.get("/v1/services/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/services/" + id).json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
	}

	@Test
	void addDependencyWhenItClosesACycleAnswers409NamingItAndTheListShowsBothDirections() {
		// given
		String portal = create("SVCAPI Portal", "high", List.of());
		String auth = create("SVCAPI Auth", "high", List.of());
		String directory = create("SVCAPI Directory", "medium", List.of());
		// when
		Response first = this.api.post("/v1/services/" + portal + "/dependencies",
				Map.of("service_id", auth, "type", "required", "impact", "full_outage"));
		this.api.post("/v1/services/" + auth + "/dependencies",
				Map.of("service_id", directory, "type", "optional", "impact", "degraded_functionality"));
		Response cycle = this.api.post("/v1/services/" + directory + "/dependencies",
				Map.of("service_id", portal, "type", "required", "impact", "full_outage"));
		Response self = this.api.post("/v1/services/" + portal + "/dependencies",
				Map.of("service_id", portal, "type", "required", "impact", "full_outage"));
		Response wrong = this.api.post("/v1/services/" + portal + "/dependencies", Map.of("type", "sometimes"));
		Response ofAuth = this.api.get("/v1/services/" + auth + "/dependencies");
		// then
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(cycle.status()).isEqualTo(409);
		assertThat(cycle.json().at("/error/message").asString()).contains("SVCAPI Directory", "SVCAPI Portal",
				"SVCAPI Auth");
		assertThat(self.status()).isEqualTo(409);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(fields(wrong)).contains("service_id", "type", "impact");
		JsonNode dependencies = ofAuth.json();
		assertThat(dependencies.get("service_id").asString()).isEqualTo(auth);
		assertThat(dependencies.at("/dependencies/upstream/0/service_id").asString()).isEqualTo(directory);
		assertThat(dependencies.at("/dependencies/upstream/0/type").asString()).isEqualTo("optional");
		assertThat(dependencies.at("/dependencies/upstream/0/impact").asString()).isEqualTo("degraded_functionality");
		assertThat(dependencies.at("/dependencies/downstream/0/name").asString()).isEqualTo("SVCAPI Portal");
		assertThat(dependencies.at("/dependencies/downstream/0/impact").asString()).isEqualTo("full_outage");
		assertThat(dependencies.at("/dependency_map/visualization_url").asString())
			.isEqualTo("/v1/services/" + auth + "/dependency-map.svg");
		assertThat(this.api.delete("/v1/services/" + portal + "/dependencies/" + auth).status()).isEqualTo(200);
		assertThat(this.api.get("/v1/services/" + auth + "/dependencies").json().at("/dependencies/downstream")
			.size()).isZero();
	}

	@Test
	void healthWhenACriticalEventOpensOnAComponentsHostGoesDownPropagatesAndRecoversAndTheSlaCountsTheOutage() {
		// given: an application on a host, a database; a reporting service that needs the shop to work
		String host = ci("SVCAPI-HV-01", "server");
		String app = ci("SVCAPI Checkout", "application");
		String db = ci("SVCAPI-checkout-db", "database");
		link(app, "runs_on", host);
		link(app, "depends_on", db);
		String shop = create("SVCAPI Checkout Service", "critical",
				List.of(component(app, "application"), component(db, "database")));
		String reports = create("SVCAPI Sales Reports", "low", List.of(component(ci("SVCAPI-REPORTS", "application"),
				"application")));
		this.api.post("/v1/services/" + reports + "/dependencies",
				Map.of("service_id", shop, "type", "required", "impact", "full_outage"));
		Instant now = this.clock.freeze().truncatedTo(ChronoUnit.SECONDS);
		Instant began = now.minus(Duration.ofMinutes(120));
		// when: the host crashed two hours ago (reported now, with its own time), and is resolved a minute later
		Response event = this.api.post("/v1/events", Map.of("title", "Host down: SVCAPI-HV-01", "severity", "critical",
				"source", "svcapi", "source_id", "svcapi-hv-down", "affected_cis", List.of(host), "created_at",
				began.toString()));
		String eventId = event.json().get("id").asString();
		JsonNode down = awaitHealth(shop, "down");
		JsonNode reportsDown = awaitHealth(reports, "down");
		this.clock.advance(Duration.ofMinutes(1));
		Response resolved = this.api.send("PATCH", "/v1/events/" + eventId + "/status",
				Map.of("Content-Type", "application/json"), "{\"status\":\"resolved\"}".getBytes());
		JsonNode recovered = awaitHealth(shop, "healthy");
		awaitHealth(reports, "healthy");
		Response sla = this.api.get("/v1/services/" + shop + "/sla?from=" + began.minus(Duration.ofMinutes(60))
				+ "&to=" + now.plus(Duration.ofMinutes(1)));
		// then
		assertThat(event.status()).as(event.body()).isEqualTo(201);
		assertThat(down.at("/health/score").asDouble()).isLessThanOrEqualTo(25);
		assertThat(down.at("/health/since").asString()).isEqualTo(began.toString());
		JsonNode reason = down.at("/health/reasons/0");
		assertThat(reason.get("kind").asString()).isEqualTo("event");
		assertThat(reason.get("event_id").asString()).isEqualTo(eventId);
		assertThat(reason.get("ci_name").asString()).isEqualTo("SVCAPI-HV-01");
		assertThat(reason.get("distance").asInt()).isEqualTo(1);
		assertThat(reportsDown.at("/health/reasons/0/kind").asString()).isEqualTo("service");
		assertThat(reportsDown.at("/health/reasons/0/service_id").asString()).isEqualTo(shop);
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(recovered.at("/health/score").asDouble()).isEqualTo(100.0);
		assertThat(sla.status()).as(sla.body()).isEqualTo(200);
		JsonNode report = sla.json();
		assertThat(report.get("down_minutes").asDouble()).isEqualTo(121.0);
		assertThat(report.get("availability").asDouble()).isEqualTo(33.149);
		assertThat(report.get("target").asDouble()).isEqualTo(99.9);
		assertThat(report.get("met").asBoolean()).isFalse();
		assertThat(report.at("/outages/0/from").asString()).isEqualTo(began.toString());
		assertThat(report.at("/outages/0/to").asString()).isEqualTo(now.plus(Duration.ofMinutes(1)).toString());
		assertThat(report.at("/outages/0/reasons/0/event_id").asString()).isEqualTo(eventId);
	}

	@Test
	void dependencyMapWhenAskedIsAnSvgOrAPngOfTheServiceItsComponentsAndWhatTheyRunOn() throws Exception {
		// given
		String vm = ci("SVCAPI-MAP-VM", "server");
		String app = ci("SVCAPI Map App", "application");
		link(app, "runs_on", vm);
		String service = create("SVCAPI Map Service", "medium", List.of(component(app, "application")));
		String user = create("SVCAPI Map User", "low", List.of());
		this.api.post("/v1/services/" + user + "/dependencies",
				Map.of("service_id", service, "type", "optional", "impact", "degraded_functionality"));
		// when
		Response svg = this.api.get("/v1/services/" + service + "/dependency-map.svg");
		HttpResponse<byte[]> png = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/services/" + service
					+ "/dependency-map.svg?format=png"))
				.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		Response gif = this.api.get("/v1/services/" + service + "/dependency-map.svg?format=gif");
		// then
		assertThat(svg.status()).as(svg.body()).isEqualTo(200);
		assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(svg.body()).contains("<svg", "SVCAPI Map Service", "SVCAPI Map App", "SVCAPI-MAP-VM",
				"SVCAPI Map User");
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isGreaterThan(200);
		assertThat(image.getHeight()).isGreaterThan(200);
		assertThat(gif.status()).isEqualTo(400);
	}

	@Test
	void impactOfAComponentsHostNamesTheServiceAndTheServicesThatDependOnIt() {
		// given
		String host = ci("SVCAPI-IMPACT-HV", "server");
		String app = ci("SVCAPI Impact App", "application");
		link(app, "runs_on", host);
		String service = create("SVCAPI Impact Service", "high", List.of(component(app, "application")));
		String dependent = create("SVCAPI Impact Dependent", "low", List.of());
		this.api.post("/v1/services/" + dependent + "/dependencies",
				Map.of("service_id", service, "type", "required", "impact", "full_outage"));
		// when: once the graph has followed the new relationship (within about a second)
		Response[] seen = new Response[1];
		await().atMost(PATIENCE).until(() -> {
			seen[0] = this.api.get("/v1/cmdb/ci/" + host + "/impact");
			return seen[0].status() == 200 && seen[0].json().get("total_affected").asInt() > 0;
		});
		Response impact = seen[0];
		// then
		JsonNode services = impact.json().get("affected_services");
		assertThat(services.size()).isEqualTo(2);
		assertThat(services.at("/0/service_id").asString()).isEqualTo(service);
		assertThat(services.at("/0/distance").asInt()).isEqualTo(1);
		assertThat(services.at("/0/components/0").asString()).isEqualTo("SVCAPI Impact App");
		assertThat(services.at("/1/service_id").asString()).isEqualTo(dependent);
		assertThat(services.at("/1/via_service").asString()).isEqualTo("SVCAPI Impact Service");
	}

	@Test
	void writeWithAReadOnlyKeyIs403() {
		Response key = this.api.post("/v1/auth/api-keys", Map.of("name", "svcapi-reader", "scopes",
				List.of("services.read")));
		ApiClient reader = this.api.withToken(key.json().get("token").asString());
		assertThat(reader.get("/v1/services").status()).isEqualTo(200);
		assertThat(reader.post("/v1/services", service("SVCAPI Denied", "low", List.of())).status()).isEqualTo(403);
	}

	private JsonNode awaitHealth(String service, String status) {
		JsonNode[] seen = new JsonNode[1];
		await().atMost(PATIENCE).until(() -> {
			seen[0] = this.api.get("/v1/services/" + service).json();
			return status.equals(seen[0].at("/health/status").asString());
		});
		return seen[0];
	}

	private String create(String name, String criticality, List<Map<String, Object>> components) {
		Response created = this.api.post("/v1/services", service(name, criticality, components));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static Map<String, Object> service(String name, String criticality, List<Map<String, Object>> components) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("name", name);
		service.put("description", "made by ServiceApiIntegrationTests");
		service.put("criticality", criticality);
		service.put("sla", Map.of("availability", "99.9%", "response_time", "< 2s"));
		service.put("components", components);
		return service;
	}

	private static Map<String, Object> component(String ci, String role) {
		return Map.of("ci_id", ci, "role", role);
	}

	private String ci(String name, String type) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", type));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void link(String source, String type, String target) {
		Response created = this.api.post("/v1/cmdb/relationships",
				Map.of("type", type, "source_ci", source, "target_ci", target));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private long total(String path) {
		return Long.parseLong(this.api.get(path).header("X-Total-Count"));
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().at("/error/details").forEach((d) -> fields.add(d.get("field").asString()));
		return fields;
	}

}
