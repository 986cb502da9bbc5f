package io.nopesight.api.cmdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.api.JwtKeys;
import io.nopesight.core.cmdb.Topology;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/cmdb/ci/{id}/impact} over HTTP on an estate made through the API: IMPACT-CORE-SW, IMPACT-HV
 * connected to it, two VMs on the host, a database on one VM, an application that depends on the database
 * and an agent installed on the other VM.
 */
@ApiIntegrationTest
class ImpactApiIntegrationTests {

	// made once for the class: the CIs' names are unique per type, and every test only reads them
	private static final Map<String, String> ids = new LinkedHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	Topology topology;

	ApiClient api;

	@BeforeEach
	void estate() {
		this.api = ApiClient.admin(this.port);
		if (!ids.isEmpty()) {
			return;
		}
		ci("IMPACT-CORE-SW", "network_device");
		ci("IMPACT-HV", "server");
		ci("IMPACT-VM-2", "server");
		ci("IMPACT-VM-1", "server");
		ci("IMPACT-DB", "database");
		ci("IMPACT-APP", "application");
		ci("impact-agent", "software");
		relationship("IMPACT-HV", "connected_to", "IMPACT-CORE-SW");
		relationship("IMPACT-VM-1", "runs_on", "IMPACT-HV");
		relationship("IMPACT-VM-2", "runs_on", "IMPACT-HV");
		relationship("IMPACT-DB", "runs_on", "IMPACT-VM-2");
		relationship("IMPACT-APP", "depends_on", "IMPACT-DB");
		relationship("impact-agent", "installed_on", "IMPACT-VM-1");
		// the graph follows the outbox on its own within a second; this takes the writes in now
		this.topology.catchUp();
	}

	@Test
	void impactWhenSwitchFailsListsEverythingBelowItWithPathsAndRelationshipTypes() {
		// when
		Response response = this.api.get("/v1/cmdb/ci/" + ids.get("IMPACT-CORE-SW") + "/impact");
		// then
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("ci").toString()).isEqualTo(ref("IMPACT-CORE-SW", "network_device"));
		assertThat(body.get("max_depth").asInt()).isEqualTo(6);
		assertThat(body.get("total_affected").asInt()).isEqualTo(6);
		assertThat(affected(body)).containsExactly("IMPACT-HV@1", "IMPACT-VM-1@2", "IMPACT-VM-2@2", "impact-agent@3",
				"IMPACT-DB@3", "IMPACT-APP@4");
		JsonNode app = body.get("affected_cis").get(5);
		assertThat(app.get("id").asString()).isEqualTo(ids.get("IMPACT-APP"));
		assertThat(app.get("type").asString()).isEqualTo("application");
		assertThat(app.get("path").toString()).isEqualTo("[" + String.join(",", ref("IMPACT-CORE-SW", "network_device"),
				ref("IMPACT-HV", "server"), ref("IMPACT-VM-2", "server"), ref("IMPACT-DB", "database"),
				ref("IMPACT-APP", "application")) + "]");
		assertThat(app.get("via").toString()).isEqualTo("[\"connected_to\",\"runs_on\",\"runs_on\",\"depends_on\"]");
		assertThat(body.get("affected_services").toString()).isEqualTo("[]");
	}

	@Test
	void impactWhenLimitedAndDepthBoundCountsAllReachedAndListsTheFirst() {
		// when
		Response limited = this.api.get("/v1/cmdb/ci/" + ids.get("IMPACT-HV") + "/impact?limit=2");
		Response shallow = this.api.get("/v1/cmdb/ci/" + ids.get("IMPACT-HV") + "/impact?max_depth=1");
		Response countOnly = this.api.get("/v1/cmdb/ci/" + ids.get("IMPACT-HV") + "/impact?limit=0");
		// then
		assertThat(limited.json().get("total_affected").asInt()).isEqualTo(5);
		assertThat(affected(limited.json())).containsExactly("IMPACT-VM-1@1", "IMPACT-VM-2@1");
		assertThat(shallow.json().get("max_depth").asInt()).isEqualTo(1);
		assertThat(shallow.json().get("total_affected").asInt()).isEqualTo(2);
		assertThat(countOnly.json().get("total_affected").asInt()).isEqualTo(5);
		assertThat(countOnly.json().get("affected_cis").toString()).isEqualTo("[]");
	}

	@Test
	void impactWhenCiHasNothingBelowItIsEmpty() {
		// when
		Response response = this.api.get("/v1/cmdb/ci/" + ids.get("IMPACT-APP") + "/impact");
		// then
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("total_affected").asInt()).isZero();
		assertThat(response.json().get("affected_cis").toString()).isEqualTo("[]");
	}

	@Test
	void impactWhenCiIsJustCreatedFindsItWithoutWaitingForTheFollower() {
		// given
		String id = this.api.post("/v1/cmdb/ci", Map.of("name", "IMPACT-NEW", "type", "server"))
			.json()
			.get("id")
			.asString();
		// when
		Response response = this.api.get("/v1/cmdb/ci/" + id + "/impact");
		// then
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("ci").get("name").asString()).isEqualTo("IMPACT-NEW");
	}

	@Test
	void impactWhenCiBelowIsDeletedNoLongerReachesIt() {
		// given: deleting a CI deletes its relationships without an event of their own
		ci("IMPACT-GONE-HV", "server");
		ci("IMPACT-GONE-VM", "server");
		relationship("IMPACT-GONE-VM", "runs_on", "IMPACT-GONE-HV");
		String path = "/v1/cmdb/ci/" + ids.get("IMPACT-GONE-HV") + "/impact";
		this.topology.catchUp();
		assertThat(this.api.get(path).json().get("total_affected").asInt()).isEqualTo(1);
		// when
		this.api.delete("/v1/cmdb/ci/" + ids.get("IMPACT-GONE-VM"));
		this.topology.catchUp();
		// then
		assertThat(this.api.get(path).json().get("total_affected").asInt()).isZero();
	}

	@Test
	void impactWhenCiIsUnknownIsNotFoundInTheErrorFormat() {
		// when
		Response response = this.api.get("/v1/cmdb/ci/ci_impact_nowhere/impact");
		// then
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().at("/error/code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
		assertThat(response.json().at("/error/message").asString())
			.isEqualTo("Configuration item 'ci_impact_nowhere' not found");
	}

	@Test
	void impactWhenDepthOrLimitIsOutOfRangeIsABadRequestNamingTheField() {
		// given
		String path = "/v1/cmdb/ci/" + ids.get("IMPACT-HV") + "/impact";
		// when
		Response zero = this.api.get(path + "?max_depth=0");
		Response deep = this.api.get(path + "?max_depth=11&limit=1001");
		Response negative = this.api.get(path + "?limit=-1");
		Response word = this.api.get(path + "?max_depth=deep");
		// then
		assertThat(List.of(zero.status(), deep.status(), negative.status(), word.status())).containsOnly(400);
		assertThat(zero.json().at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(fields(zero)).containsExactly("max_depth");
		assertThat(fields(deep)).containsExactly("max_depth", "limit");
		assertThat(fields(negative)).containsExactly("limit");
		assertThat(fields(word)).containsExactly("max_depth");
	}

	@Test
	void impactWhenTokenLacksCmdbReadIsForbidden() {
		// given
		String eventsOnly = JwtKeys.hs256(JwtKeys.claims("impact-user", "events.read", 300),
				JwtKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
		String reader = JwtKeys.hs256(JwtKeys.claims("impact-user", "cmdb.read", 300),
				JwtKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
		String path = "/v1/cmdb/ci/" + ids.get("IMPACT-HV") + "/impact";
		// when / then
		assertThat(this.api.withToken(eventsOnly).get(path).status()).isEqualTo(403);
		assertThat(this.api.withToken(reader).get(path).status()).isEqualTo(200);
	}

	private void ci(String name, String type) {
		Response created = this.api.post("/v1/cmdb/ci", Map.of("name", name, "type", type));
		assertThat(created.status()).isEqualTo(201);
		ids.put(name, created.json().get("id").asString());
	}

	// as the CMDB stores it: "source type target", e.g. IMPACT-VM-1 runs_on IMPACT-HV
	private void relationship(String source, String type, String target) {
		Response created = this.api.post("/v1/cmdb/relationships",
				Map.of("type", type, "source_ci", ids.get(source), "target_ci", ids.get(target)));
		assertThat(created.status()).isEqualTo(201);
	}

	private static String ref(String name, String type) {
		return "{\"id\":\"" + ids.get(name) + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
	}

	private static List<String> affected(JsonNode body) {
		List<String> affected = new ArrayList<>();
		body.get("affected_cis").forEach((ci) -> affected.add(ci.get("name").asString() + "@" + ci.get("distance").asInt()));
		return affected;
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().at("/error/details").forEach((detail) -> fields.add(detail.get("field").asString()));
		return fields;
	}

}
