package io.nopesight.api.cmdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class ConfigurationItemApiIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = ApiClient.admin(this.port);
	}

	@Test
	void createGetUpdateDeleteWhenAdminRoundTrips() {
		// given
		Response created = this.api.post("/v1/cmdb/ci", prodDb01());
		String id = created.json().get("id").asString();
		// when
		Response fetched = this.api.get("/v1/cmdb/ci/" + id);
		Response updated = this.api.put("/v1/cmdb/ci/" + id,
				Map.of("status", "maintenance", "attributes", Map.of("memory_gb", 128)));
		Response deleted = this.api.delete("/v1/cmdb/ci/" + id);
		// then
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/v1/cmdb/ci/" + id);
		assertThat(created.json().get("message").asString()).isEqualTo("Configuration item created successfully");
		assertThat(fetched.json().get("created_by").asString()).isEqualTo("admin");
		assertThat(fetched.json().at("/attributes/os").asString()).isEqualTo("RedHat 8.5");
		assertThat(updated.json().get("status").asString()).isEqualTo("maintenance");
		assertThat(updated.json().at("/attributes/memory_gb").asInt()).isEqualTo(128);
		assertThat(updated.json().at("/attributes/cpu_cores").asInt()).isEqualTo(16);
		assertThat(deleted.json().get("message").asString()).isEqualTo("Configuration item deleted successfully");
		assertThat(this.api.get("/v1/cmdb/ci/" + id).status()).isEqualTo(404);
	}

	@Test
	void listWhenPagedGivesPaginationBodyHeadersAndLinks() {
		// given
		for (int i = 1; i <= 7; i++) {
			this.api.post("/v1/cmdb/ci", Map.of("name", "LINK-" + i, "type", "link_probe"));
		}
		// when
		Response page2 = this.api.get("/v1/cmdb/ci?type=link_probe&page=2&limit=3&sort=name&order=desc");
		// then
		assertThat(page2.status()).isEqualTo(200);
		assertThat(names(page2.json().get("data"))).containsExactly("LINK-4", "LINK-3", "LINK-2");
		assertThat(page2.json().get("pagination").toString())
			.isEqualTo("{\"page\":2,\"limit\":3,\"total\":7,\"pages\":3}");
		assertThat(page2.header("X-Total-Count")).isEqualTo("7");
		assertThat(page2.header("X-Page")).isEqualTo("2");
		assertThat(page2.header("X-Per-Page")).isEqualTo("3");
		assertThat(page2.header("X-Total-Pages")).isEqualTo("3");
		String base = "http://127.0.0.1:" + this.port + "/v1/cmdb/ci?type=link_probe&sort=name&order=desc";
		assertThat(page2.header("Link")).isEqualTo("<" + base + "&page=3&limit=3>; rel=\"next\", <" + base
				+ "&page=1&limit=3>; rel=\"prev\", <" + base + "&page=1&limit=3>; rel=\"first\", <" + base
				+ "&page=3&limit=3>; rel=\"last\"");
		JsonNode first = page2.json().get("data").get(0);
		assertThat(first.at("/relationships/count").asInt()).isZero();
		assertThat(first.at("/relationships/href").asString()).isEqualTo("/v1/cmdb/ci/" + first.get("id").asString()
				+ "/relationships");
	}

	@Test
	void listWhenSearchingMatchesNameDescriptionAttributesAndCustomFields() {
		// given
		this.api.post("/v1/cmdb/ci", Map.of("name", "SEARCH-ALPHA", "type", "server", "description",
				"Hosts the walrus ledger", "attributes", Map.of("os", "Gentoo 2.17"), "custom_fields",
				Map.of("cost_center", "CC-7781")));
		this.api.post("/v1/cmdb/ci", Map.of("name", "SEARCH-BETA", "type", "workstation", "attributes",
				Map.of("os", "Gentoo 2.17")));
		// when / then
		assertThat(names(this.api.get("/v1/cmdb/ci?search=walrus").json().get("data"))).containsExactly("SEARCH-ALPHA");
		assertThat(names(this.api.get("/v1/cmdb/ci?search=CC-7781").json().get("data"))).containsExactly("SEARCH-ALPHA");
		assertThat(names(this.api.get("/v1/cmdb/ci?search=search-alpha").json().get("data")))
			.containsExactly("SEARCH-ALPHA");
		assertThat(names(this.api.get("/v1/cmdb/ci?search=gentoo&sort=name").json().get("data")))
			.containsExactly("SEARCH-ALPHA", "SEARCH-BETA");
		Response filtered = this.api.get("/v1/cmdb/ci?search=gentoo&type=workstation");
		assertThat(names(filtered.json().get("data"))).containsExactly("SEARCH-BETA");
		assertThat(filtered.header("X-Total-Count")).isEqualTo("1");
	}

	@Test
	void findByIpWhenAddressSitsInAnyIpFieldFindsTheCi() {
		// given
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("ip_address", "172.24.91.10");
		custom.put("all_ip_addresses", List.of("172.24.91.10", "10.161.191.10"));
		String dc = this.api.post("/v1/cmdb/ci", Map.of("name", "KSDC91", "type", "server", "custom_fields", custom))
			.json()
			.get("id")
			.asString();
		String web = this.api.post("/v1/cmdb/ci", Map.of("name", "IP-WEB-91", "type", "server", "attributes",
				Map.of("ip_address", "10.91.1.10"))).json().get("id").asString();
		String legacy = this.api.post("/v1/cmdb/ci", Map.of("name", "IP-LEGACY-91", "type", "server", "custom_fields",
				Map.of("IP Address", "192.168.91.7"))).json().get("id").asString();
		// when / then
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.161.191.10").json().at("/ci/id").asString()).isEqualTo(dc);
		assertThat(this.api.get("/v1/api/ci/find-by-ip/172.24.91.10").json().at("/ci/customFields/ip_address")
			.asString()).isEqualTo("172.24.91.10");
		assertThat(this.api.get("/v1/api/ci/find-by-ip/10.91.1.10").json().at("/ci/id").asString()).isEqualTo(web);
		assertThat(this.api.get("/v1/api/ci/find-by-ip/192.168.91.7").json().at("/ci/id").asString()).isEqualTo(legacy);
		Response missing = this.api.get("/v1/api/ci/find-by-ip/10.91.99.99");
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.json().get("found").asBoolean()).isFalse();
		JsonNode debug = this.api.get("/v1/api/debug/find-ci-by-ip/10.161.191.10").json();
		assertThat(debug.get("searchedIp").asString()).isEqualTo("10.161.191.10");
		assertThat(debug.at("/query/$or").size()).isEqualTo(4);
		assertThat(debug.get("found").asBoolean()).isTrue();
		assertThat(debug.at("/results/0/matchedFields/0").asString()).isEqualTo("customFields.all_ip_addresses");
	}

	@Test
	void relationshipsAreListedBothWaysAndGoWithTheirCi() {
		// given
		String app = this.api.post("/v1/cmdb/ci", Map.of("name", "Rel Web Application", "type", "application"))
			.json().get("id").asString();
		String db = this.api.post("/v1/cmdb/ci", Map.of("name", "Rel Database Server", "type", "server"))
			.json().get("id").asString();
		Response created = this.api.post("/v1/cmdb/relationships", Map.of("type", "depends_on", "source_ci", app,
				"target_ci", db, "attributes", Map.of("port", 3306, "protocol", "mysql")));
		String rel = created.json().get("id").asString();
		// when
		JsonNode appView = this.api.get("/v1/cmdb/ci/" + app).json();
		JsonNode dbView = this.api.get("/v1/cmdb/ci/" + db).json();
		JsonNode listed = this.api.get("/v1/cmdb/relationships?source_ci=" + app).json();
		// then
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("discovered_by").asString()).isEqualTo("manual");
		assertThat(created.json().get("confidence").asDouble()).isEqualTo(1.0);
		assertThat(appView.at("/relationships/0/target_ci").asString()).isEqualTo(db);
		assertThat(appView.at("/relationships/0/target_name").asString()).isEqualTo("Rel Database Server");
		assertThat(dbView.at("/relationships/0/source_ci").asString()).isEqualTo(app);
		assertThat(dbView.at("/relationships/0/direction").asString()).isEqualTo("incoming");
		assertThat(listed.at("/data/0/source/name").asString()).isEqualTo("Rel Web Application");
		assertThat(listed.at("/data/0/target/type").asString()).isEqualTo("server");
		assertThat(listed.at("/data/0/attributes/port").asInt()).isEqualTo(3306);
		assertThat(this.api.post("/v1/cmdb/relationships", Map.of("type", "depends_on", "source_ci", app,
				"target_ci", db)).status()).isEqualTo(409);
		this.api.delete("/v1/cmdb/ci/" + db);
		assertThat(this.api.get("/v1/cmdb/relationships/" + rel).status()).isEqualTo(404);
	}

	@Test
	void listCountsEachCisRelationshipsInBothDirections() {
		// given: hub -> a, b -> hub, hub -> b; a has one, b two, hub three
		String type = "count_probe";
		String hub = this.api.post("/v1/cmdb/ci", Map.of("name", "Count Hub", "type", type, "description", "counted"))
			.json().get("id").asString();
		String a = this.api.post("/v1/cmdb/ci", Map.of("name", "Count A", "type", type, "description", "counted"))
			.json().get("id").asString();
		String b = this.api.post("/v1/cmdb/ci", Map.of("name", "Count B", "type", type, "description", "counted"))
			.json().get("id").asString();
		this.api.post("/v1/cmdb/ci", Map.of("name", "Count Alone", "type", type, "description", "counted"));
		this.api.post("/v1/cmdb/relationships", Map.of("type", "depends_on", "source_ci", hub, "target_ci", a));
		this.api.post("/v1/cmdb/relationships", Map.of("type", "depends_on", "source_ci", b, "target_ci", hub));
		this.api.post("/v1/cmdb/relationships", Map.of("type", "connects_to", "source_ci", hub, "target_ci", b));
		// when
		JsonNode paged = this.api.get("/v1/cmdb/ci?type=" + type + "&sort=name").json();
		JsonNode searched = this.api.get("/v1/cmdb/ci?type=" + type + "&search=counted&sort=name").json();
		// then: names sort A, Alone, B, Hub
		for (JsonNode body : List.of(paged, searched)) {
			assertThat(body.get("data").valueStream().map((ci) -> ci.get("name").asString() + "="
					+ ci.at("/relationships/count").asInt())).containsExactly("Count A=1", "Count Alone=0", "Count B=2",
							"Count Hub=3");
		}
	}

	@Test
	void relationshipsListWhenAiExcludedHidesDiscoveredOnes() {
		// given
		String a = this.api.post("/v1/cmdb/ci", Map.of("name", "ai-a", "type", "server")).json().get("id").asString();
		String b = this.api.post("/v1/cmdb/ci", Map.of("name", "ai-b", "type", "server")).json().get("id").asString();
		this.api.post("/v1/cmdb/relationships", Map.of("type", "depends_on", "source_ci", a, "target_ci", b,
				"discovered_by", "ai_agent", "confidence", 0.7));
		this.api.post("/v1/cmdb/relationships", Map.of("type", "connects_to", "source_ci", a, "target_ci", b));
		// when / then
		assertThat(this.api.get("/v1/cmdb/relationships?source_ci=" + a).json().get("data").size()).isEqualTo(1);
		assertThat(this.api.get("/v1/cmdb/relationships?source_ci=" + a + "&include_ai=true").json().get("data")
			.size()).isEqualTo(2);
	}

	private static Map<String, Object> prodDb01() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "ROUNDTRIP-DB-01");
		body.put("type", "server");
		body.put("status", "active");
		body.put("attributes", Map.of("os", "RedHat 8.5", "ip_address", "10.91.2.20", "cpu_cores", 16, "memory_gb", 64));
		body.put("custom_fields", Map.of("department", "IT", "environment", "production"));
		return body;
	}

	static List<String> names(JsonNode data) {
		return data.valueStream().map((n) -> n.get("name").asString()).toList();
	}

}
