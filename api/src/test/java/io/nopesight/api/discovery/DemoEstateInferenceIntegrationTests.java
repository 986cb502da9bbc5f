package io.nopesight.api.discovery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nopesight.api.ApiClient;
import io.nopesight.api.ApiClient.Response;
import io.nopesight.api.ApiIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.Relationship;
import io.nopesight.core.cmdb.RelationshipManagement;
import io.nopesight.core.cmdb.RelationshipQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo estate end to end: its CIs and relationships loaded, its network and process scans submitted
 * over HTTP; the inferred host-to-host dependencies are scored against the truth (the hosts of each
 * application and database, linked as the applications depend on databases and applications).
 */
@ApiIntegrationTest
class DemoEstateInferenceIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	RelationshipManagement relationships;

	@Test
	void inferWhenDemoScansAreSubmittedFindsTheServerDependenciesWithGoodPrecisionAndRecall() throws Exception {
		// given
		ApiClient api = ApiClient.admin(this.port);
		Map<String, ConfigurationItem> byName = new HashMap<>();
		for (JsonNode line : lines("cis.jsonl")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> ci = JSON.convertValue(line, Map.class);
			@SuppressWarnings("unchecked")
			ConfigurationItem created = this.cmdb.create(new NewConfigurationItem((String) ci.get("name"),
					(String) ci.get("type"), (String) ci.get("status"), null, (Map<String, Object>) ci.get("attributes"),
					(Map<String, Object>) ci.get("custom_fields")), "demo");
			byName.put(created.name(), created);
		}
		List<JsonNode> links = lines("relationships.jsonl");
		for (JsonNode link : links) {
			this.relationships.create(new NewRelationship(link.get("type").asString(),
					byName.get(link.get("source").asString()).id(), byName.get(link.get("target").asString()).id(),
					null, null, null), "demo");
		}
		long serversBefore = servers();
		Set<String> inferredBefore = inferredIds();
		// when
		List<String> scans = new ArrayList<>();
		for (String file : List.of("network-scans.jsonl", "process-scans.jsonl")) {
			for (JsonNode scan : lines(file)) {
				Response accepted = api.post("/v1/discovery/scan-data", scan.toString());
				assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
				scans.add(accepted.json().get("scan_id").asString());
			}
		}
		String last = scans.get(scans.size() - 1);
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/v1/discovery/scans/" + last).json().get("status").asString().equals("completed"));
		// then
		Map<String, Set<String>> hostsOf = new HashMap<>();
		for (JsonNode link : links) {
			if (link.get("type").asString().equals("runs_on")) {
				hostsOf.computeIfAbsent(link.get("source").asString(), (k) -> new HashSet<>())
					.add(link.get("target").asString());
			}
		}
		Set<String> truth = new HashSet<>();
		for (JsonNode link : links) {
			String source = link.get("source").asString();
			String target = link.get("target").asString();
			if (link.get("type").asString().equals("depends_on")
					&& byName.get(source).type().equals("application")
					&& Set.of("application", "database").contains(byName.get(target).type())) {
				for (String client : hostsOf.getOrDefault(source, Set.of())) {
					for (String server : hostsOf.getOrDefault(target, Set.of())) {
						if (!client.equals(server)) {
							truth.add(client + " -> " + server);
						}
					}
				}
			}
		}
		// other tests' links in the shared schema are left out
		Set<String> inferred = new HashSet<>();
		inferredLinks().stream()
			.filter((r) -> !inferredBefore.contains(r.id()))
			.forEach((r) -> inferred.add(r.source().name() + " -> " + r.target().name()));
		Set<String> hits = new HashSet<>(inferred);
		hits.retainAll(truth);
		double precision = (double) hits.size() / inferred.size();
		double recall = (double) hits.size() / truth.size();
		Set<String> falsePositives = new HashSet<>(inferred);
		falsePositives.removeAll(truth);
		System.out.printf("demo inference: truth=%d inferred=%d correct=%d precision=%.3f recall=%.3f%n",
				truth.size(), inferred.size(), hits.size(), precision, recall);
		System.out.println("false positives: " + falsePositives);
		Set<String> missed = new HashSet<>(truth);
		missed.removeAll(inferred);
		System.out.println("missed: " + missed);
		for (String scan : scans) {
			assertThat(api.get("/v1/discovery/scans/" + scan).json().get("status").asString()).isEqualTo("completed");
		}
		long serversAfter = servers();
		System.out.println("servers before scans: " + serversBefore + ", after: " + serversAfter);
		// the scans hold 12 unknown devices: 8 servers and 4 embedded network devices; every known host matched
		assertThat(serversAfter - serversBefore).isEqualTo(8);
		// prod-web-03 was seen at 10.0.1.250 (same MAC) and later by its agent at 10.0.1.12: still one CI
		ConfigurationItem web03 = this.cmdb.findByName("PROD-WEB-03").get(0);
		assertThat(web03.attributes()).containsEntry("mac_address", "AB:FD:68:64:BC:31");
		assertThat(this.cmdb.findByIp(String.valueOf(web03.attributes().get("ip_address"))))
			.extracting(ConfigurationItem::id)
			.containsExactly(web03.id());
		assertThat(this.cmdb.findByName("prod-web-03")).isEmpty();
		assertThat(this.cmdb.findByName("prod-web-03.corp.example")).isEmpty();
		assertThat(precision).isGreaterThanOrEqualTo(0.9);
		assertThat(recall).isGreaterThanOrEqualTo(0.6);
	}

	private List<Relationship> inferredLinks() {
		return this.relationships.list(new RelationshipQuery(null, null, "depends_on", true, 1, 100000))
			.items()
			.stream()
			.filter((r) -> r.discoveredBy().equals("ai_agent"))
			.toList();
	}

	private Set<String> inferredIds() {
		return inferredLinks().stream().map(Relationship::id).collect(Collectors.toSet());
	}

	private long servers() {
		return this.cmdb.list(new io.nopesight.core.cmdb.ConfigurationItemQuery("server", null, null, null, false, 1, 1))
			.total();
	}

	private static List<JsonNode> lines(String name) throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				DemoEstateInferenceIntegrationTests.class.getResourceAsStream("/discovery/" + name),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					lines.add(JSON.readTree(line));
				}
			}
		}
		return lines;
	}

}
