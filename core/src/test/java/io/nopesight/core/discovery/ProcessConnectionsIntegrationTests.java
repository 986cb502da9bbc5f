package io.nopesight.core.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.RelationshipManagement;
import io.nopesight.core.discovery.ProcessConnections.InferenceResult;
import io.nopesight.core.discovery.ProcessConnections.InferredDependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@CoreIntegrationTest
class ProcessConnectionsIntegrationTests {

	private static final Instant FIRST = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	ProcessConnections connections;

	@Autowired
	RelationshipManagement relationships;

	@Autowired
	JdbcClient jdbc;

	@Test
	void inferDependenciesWhenOnlyTheServersAgentSawTheTrafficFindsTheEdgeFromEitherEnd() {
		// given: the database host's agent saw the app host connect to postgres; the app host has no agent
		ConfigurationItem app = host("PCI-APP-1", "10.9.88.1");
		ConfigurationItem db = host("PCI-DB-1", "10.9.88.2");
		this.connections.record("scan-db", db.id(), inbound("postgres", "10.9.88.2", 5432, "10.9.88.1"),
				List.of(new ListeningPort("postgres", 812, 5432, "TCP", "PostgreSQL")), FIRST);
		// when
		InferenceResult fromServer = this.connections.inferDependencies(db.id());
		InferenceResult fromClient = this.connections.inferDependencies(app.id());
		// then
		assertThat(fromServer.dependencies()).singleElement().satisfies((dependency) -> {
			assertThat(dependency.clientCiId()).isEqualTo(app.id());
			assertThat(dependency.serverCiId()).isEqualTo(db.id());
			assertThat(dependency.ports()).containsExactly(5432);
			assertThat(dependency.serverProcesses()).containsExactly("postgres");
		});
		assertThat(fromServer.created()).isEqualTo(1);
		assertThat(fromClient.dependencies()).extracting(InferredDependency::serverCiId).containsExactly(db.id());
		assertThat(fromClient.created()).as("already there").isZero();
		assertThat(fromClient.updated()).as("the same evidence").isZero();
	}

	@Test
	void inferDependenciesWhenMoreTrafficIsSeenRaisesTheConfidenceOfTheLinkItInferredBefore() {
		// given: one sighting, just enough for a link
		ConfigurationItem app = host("PCI-APP-4", "10.9.92.1");
		host("PCI-DB-4", "10.9.92.2");
		List<ObservedConnection> seen = outbound("java", "10.9.92.1", "10.9.92.2", 5432);
		this.connections.record("scan-a", app.id(), seen.subList(0, 1), List.of(), FIRST);
		InferenceResult first = this.connections.inferDependencies(app.id());
		// when: three more over the next six hours
		this.connections.record("scan-b", app.id(), seen.subList(1, 4), List.of(), FIRST);
		InferenceResult later = this.connections.inferDependencies(app.id());
		// then
		assertThat(first.created()).isEqualTo(1);
		assertThat(later.created()).isZero();
		assertThat(later.updated()).isEqualTo(1);
		double before = first.dependencies().get(0).confidence();
		double after = later.dependencies().get(0).confidence();
		assertThat(after).isGreaterThan(before);
		assertThat(this.relationships.of(app.id())).singleElement().satisfies((link) -> {
			assertThat(link.confidence()).isEqualTo(after);
			assertThat(link.attributes()).containsEntry("observations", 4);
		});
	}

	@Test
	void inferDependenciesWhenOtherHostsTalkAmongThemselvesLeavesTheirTrafficOut() {
		// given
		ConfigurationItem web = host("PCI-WEB-2", "10.9.89.1");
		ConfigurationItem cache = host("PCI-CACHE-2", "10.9.89.2");
		ConfigurationItem batch = host("PCI-BATCH-2", "10.9.89.3");
		ConfigurationItem queue = host("PCI-QUEUE-2", "10.9.89.4");
		this.connections.record("scan-web", web.id(), outbound("nginx", "10.9.89.1", "10.9.89.2", 6379), List.of(),
				FIRST);
		this.connections.record("scan-batch", batch.id(), outbound("java", "10.9.89.3", "10.9.89.4", 5672),
				List.of(), FIRST);
		// when
		InferenceResult result = this.connections.inferDependencies(web.id());
		// then
		assertThat(result.dependencies()).extracting(InferredDependency::clientCiId, InferredDependency::serverCiId)
			.containsExactly(tuple(web.id(), cache.id()));
		assertThat(this.connections.inferDependencies(queue.id()).dependencies())
			.extracting(InferredDependency::clientCiId)
			.containsExactly(batch.id());
	}

	@Test
	void dropExpiredWhenDaysEndedBeforeTheRetentionDropsThoseDaysOnly() {
		// given: four sightings two hours apart from 22:00 on 1 June 2025 (the other tests' are in 2026), so one
		// on the 1st and three on the 2nd
		ConfigurationItem app = host("PCI-APP-3", "10.9.90.1");
		host("PCI-DB-3", "10.9.90.2");
		Instant day1 = Instant.parse("2025-06-01T22:00:00Z");
		this.connections.record("scan-1", app.id(), outboundAt("java", "10.9.90.1", "10.9.90.2", 5432, day1), List.of(),
				day1);
		// when
		Instant now = Instant.parse("2025-06-02T12:00:00Z").plus(Duration.ofDays(90));
		List<String> dropped = this.connections.dropExpired(now);
		List<String> again = this.connections.dropExpired(now);
		// then: the 2nd has not ended by the cut-off, so it stays whole (older days other tests wrote go too)
		assertThat(dropped).contains("process_connection_20250601")
			.allSatisfy((name) -> assertThat(name).isLessThanOrEqualTo("process_connection_20250601"));
		assertThat(again).isEmpty();
		assertThat(this.connections.groups(app.id())).singleElement().satisfies((group) -> {
			assertThat(group.connectionCount()).isEqualTo(3);
			assertThat(group.firstSeen()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
		});
		// when: a late report of a dropped day
		this.connections.record("scan-2", app.id(), outboundAt("java", "10.9.90.1", "10.9.90.2", 5432, day1),
				List.of(), day1);
		// then: its partition is made again
		assertThat(this.connections.groups(app.id()).get(0).connectionCount()).isEqualTo(4);
	}

	@Test
	void recordWhenAnotherNodeDroppedAnOldDayThisNodeHadWrittenMakesItsPartitionAgain() {
		// given: this node wrote sightings of a day past the retention, then another node's retention dropped it
		ConfigurationItem app = host("PCI-APP-5", "10.9.93.1");
		host("PCI-DB-5", "10.9.93.2");
		Instant old = Instant.parse("2025-03-01T00:00:00Z");
		this.connections.record("scan-1", app.id(), outboundAt("java", "10.9.93.1", "10.9.93.2", 5432, old), List.of(),
				old);
		this.jdbc.sql("SELECT process_connection_drop_partitions(timestamptz '2025-03-02 00:00:00+00')")
			.query(String.class)
			.list();
		// when
		this.connections.record("scan-2", app.id(), outboundAt("java", "10.9.93.1", "10.9.93.2", 5432, old), List.of(),
				old);
		// then
		assertThat(this.connections.groups(app.id()).get(0).connectionCount()).isEqualTo(4);
	}

	// four sightings over six hours, each from a new client port: confident enough to record
	private static List<ObservedConnection> inbound(String process, String localIp, int port, String clientIp) {
		List<ObservedConnection> seen = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			seen.add(new ObservedConnection(process, 812, localIp, port, clientIp, 50100 + i, "TCP", "ESTABLISHED",
					FIRST.plus(Duration.ofHours(2L * i))));
		}
		return seen;
	}

	private static List<ObservedConnection> outbound(String process, String localIp, String serverIp, int port) {
		return outboundAt(process, localIp, serverIp, port, FIRST);
	}

	private static List<ObservedConnection> outboundAt(String process, String localIp, String serverIp, int port,
			Instant first) {
		List<ObservedConnection> seen = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			seen.add(new ObservedConnection(process, 901, localIp, 50200 + i, serverIp, port, "TCP", "ESTABLISHED",
					first.plus(Duration.ofHours(2L * i))));
		}
		return seen;
	}

	private ConfigurationItem host(String name, String ip) {
		return this.cmdb.create(new NewConfigurationItem(name, "server", null, null, Map.of("ip_address", ip), Map.of()),
				"test");
	}

}
