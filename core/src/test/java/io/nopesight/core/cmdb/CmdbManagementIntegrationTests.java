package io.nopesight.core.cmdb;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.ConflictException;
import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.RelationshipManagement.Discovered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CoreIntegrationTest
class CmdbManagementIntegrationTests {

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	RelationshipManagement relationships;

	@Autowired
	LuceneCmdbIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Test
	void createWhenNameIsTakenForTheTypeThrowsConflict() {
		// given
		this.cmdb.create(server("DUP-01", "10.9.0.1"), "tester");
		// when / then
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.cmdb.create(server("DUP-01", "10.9.0.2"), "tester"));
		assertThat(this.cmdb.create(new NewConfigurationItem("DUP-01", "application", null, null, null, null), "t")
			.type()).isEqualTo("application");
	}

	@Test
	void createWhenTypeIsNotLowerCaseThrowsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.cmdb.create(new NewConfigurationItem("X", "Server", null, null, null, null), "t"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting("field").containsExactly("type"));
	}

	@Test
	void updateMergesFieldsKeyByKeyAndRemovesNulls() {
		// given
		ConfigurationItem ci = this.cmdb.create(server("MERGE-01", "10.9.1.1"), "alice");
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("memory_gb", 128);
		patch.put("os", null);
		// when
		ConfigurationItem updated = this.cmdb.update(ci.id(),
				new ConfigurationItemChanges(null, null, "maintenance", null, patch, null), "bob");
		// then
		assertThat(updated.attributes()).containsEntry("memory_gb", 128)
			.containsEntry("ip_address", "10.9.1.1")
			.doesNotContainKey("os");
		assertThat(updated.status()).isEqualTo(ConfigurationItemStatus.MAINTENANCE);
		assertThat(this.cmdb.get(ci.id()).updatedBy()).isEqualTo("bob");
		assertThat(this.cmdb.get(ci.id()).createdBy()).isEqualTo("alice");
	}

	@Test
	void deleteTakesRelationshipsAlongAndPublishesEvents() {
		// given
		ConfigurationItem app = this.cmdb.create(new NewConfigurationItem("del-app", "application", null, null,
				null, null), "t");
		ConfigurationItem host = this.cmdb.create(server("DEL-HOST", "10.9.2.1"), "t");
		Relationship link = this.relationships.create(new NewRelationship("runs_on", app.id(), host.id(), null, null,
				null), "t");
		// when
		this.cmdb.delete(host.id(), "t");
		// then
		assertThatExceptionOfType(RelationshipNotFoundException.class)
			.isThrownBy(() -> this.relationships.get(link.id()));
		List<String> events = this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id ORDER BY seq")
			.param("id", host.id())
			.query(String.class)
			.list();
		assertThat(events).containsExactly("ci.created", "ci.deleted");
	}

	@Test
	void recordDiscoveredWritesOnceAndLeavesTheCallersTransactionUsable() {
		// given
		ConfigurationItem client = this.cmdb.create(server("ABSENT-CLIENT", "10.9.3.1"), "t");
		ConfigurationItem server = this.cmdb.create(server("ABSENT-SERVER", "10.9.3.2"), "t");
		NewRelationship link = new NewRelationship("depends_on", client.id(), server.id(), Map.of("port", 5432),
				"ai_agent", 0.8);
		// when: the second attempt runs in a transaction that goes on to write after it
		Discovered first = this.relationships.recordDiscovered(link, "ai_agent");
		Discovered second = this.transaction.execute((status) -> {
			Discovered again = this.relationships.recordDiscovered(link, "ai_agent");
			this.cmdb.update(client.id(), new ConfigurationItemChanges(null, null, "maintenance", null, null, null),
					"t");
			return again;
		});
		// then
		assertThat(first).isEqualTo(Discovered.CREATED);
		assertThat(second).isEqualTo(Discovered.UNCHANGED);
		assertThat(this.cmdb.get(client.id()).status()).isEqualTo(ConfigurationItemStatus.MAINTENANCE);
		assertThat(this.relationships.of(client.id())).singleElement()
			.satisfies((r) -> assertThat(r.confidence()).isEqualTo(0.8));
		assertThat(relationshipEvents(this.relationships.of(client.id()).get(0).id()))
			.containsExactly("relationship.created");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.relationships.create(link, "t"));
	}

	@Test
	void recordDiscoveredWhenTheSameDiscovererSeesMoreReweighsItsLinkButNotOnePeopleSet() {
		// given
		ConfigurationItem app = this.cmdb.create(server("REWEIGH-APP", "10.9.4.1"), "t");
		ConfigurationItem db = this.cmdb.create(server("REWEIGH-DB", "10.9.4.2"), "t");
		ConfigurationItem cache = this.cmdb.create(server("REWEIGH-CACHE", "10.9.4.3"), "t");
		this.relationships.recordDiscovered(new NewRelationship("depends_on", app.id(), db.id(),
				Map.of("ports", List.of(5432), "observations", 1), "ai_agent", 0.34), "ai_agent");
		this.relationships.create(new NewRelationship("depends_on", app.id(), cache.id(), Map.of("note", "by hand"),
				null, null), "alice");
		// when
		Discovered onlyCounted = this.relationships.recordDiscovered(new NewRelationship("depends_on", app.id(),
				db.id(), Map.of("ports", List.of(5432), "observations", 2), "ai_agent", 0.34), "ai_agent");
		Discovered stronger = this.relationships.recordDiscovered(new NewRelationship("depends_on", app.id(), db.id(),
				Map.of("ports", List.of(5432, 5433), "observations", 9), "ai_agent", 0.9), "ai_agent");
		Discovered overPeople = this.relationships.recordDiscovered(new NewRelationship("depends_on", app.id(),
				cache.id(), Map.of("ports", List.of(6379)), "ai_agent", 0.5), "ai_agent");
		// then
		assertThat(onlyCounted).as("a new sighting alone is no change").isEqualTo(Discovered.UNCHANGED);
		assertThat(stronger).isEqualTo(Discovered.UPDATED);
		assertThat(overPeople).isEqualTo(Discovered.UNCHANGED);
		Relationship toDb = this.relationships.of(app.id()).stream()
			.filter((r) -> r.target().id().equals(db.id()))
			.findFirst()
			.orElseThrow();
		assertThat(toDb.confidence()).isEqualTo(0.9);
		assertThat(toDb.attributes()).containsEntry("observations", 9).containsEntry("ports", List.of(5432, 5433));
		assertThat(relationshipEvents(toDb.id())).containsExactly("relationship.created", "relationship.updated");
		Relationship toCache = this.relationships.of(app.id()).stream()
			.filter((r) -> r.target().id().equals(cache.id()))
			.findFirst()
			.orElseThrow();
		assertThat(toCache.discoveredBy()).isEqualTo("manual");
		assertThat(toCache.confidence()).isEqualTo(1.0);
		assertThat(toCache.attributes()).containsOnlyKeys("note");
	}

	private List<String> relationshipEvents(String id) {
		return this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id ORDER BY seq")
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void findByIpLooksInEveryIpField() {
		// given
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("IP Address", "172.24.9.10");
		custom.put("all_ip_addresses", List.of("172.24.9.11", "10.161.9.10"));
		ConfigurationItem dc = this.cmdb.create(new NewConfigurationItem("KSDC09", "server", null, null, null, custom),
				"t");
		// when / then
		assertThat(this.cmdb.findByIp("172.24.9.10")).extracting(ConfigurationItem::id).containsExactly(dc.id());
		assertThat(this.cmdb.findByIp("10.161.9.10")).extracting(ConfigurationItem::id).containsExactly(dc.id());
		assertThat(this.cmdb.findByIp("10.161.9.99")).isEmpty();
	}

	@Test
	void listWhenPagingDeepGivesEveryRowOnceInOrder() {
		// given
		for (int i = 0; i < 57; i++) {
			this.cmdb.create(new NewConfigurationItem(String.format("page-%03d", i), "paging_probe",
					(i % 3 == 0) ? "inactive" : "active", null, null, null), "t");
		}
		for (boolean descending : new boolean[] { false, true }) {
			for (ConfigurationItemSort sort : ConfigurationItemSort.values()) {
				// when
				List<String> names = new ArrayList<>();
				Page<ListedConfigurationItem> page;
				int n = 1;
				do {
					page = this.cmdb
						.list(new ConfigurationItemQuery("paging_probe", null, null, sort, descending, n++, 10));
					page.items().forEach((listed) -> names.add(listed.item().name()));
				}
				while (!page.items().isEmpty());
				// then
				assertThat(names).hasSize(57).doesNotHaveDuplicates();
				assertThat(page.total()).isEqualTo(57);
				if (sort == ConfigurationItemSort.NAME || sort == ConfigurationItemSort.CREATED_AT) {
					assertThat(names).isSortedAccordingTo(
							descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
				}
			}
		}
		assertThat(this.cmdb.list(new ConfigurationItemQuery("paging_probe", ConfigurationItemStatus.INACTIVE, null,
				null, false, 2, 10)).items()).hasSize(9);
	}

	@Test
	void listWhenPagesPassAnchorsStaysExactAcrossWrites() {
		// given more rows than one anchor spacing, written in one transaction
		this.transaction.executeWithoutResult((tx) -> {
			for (int i = 0; i < 1_234; i++) {
				this.cmdb.create(new NewConfigurationItem(String.format("deep-%04d", i), "anchor_probe", null, null,
						null, null), "t");
			}
		});
		// when / then: a page past several anchors holds exactly the rows an offset would
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("anchor_probe", null, null,
				ConfigurationItemSort.NAME, false, 61, 20)))).containsExactly(range(1200, 1220));
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("anchor_probe", null, null,
				ConfigurationItemSort.NAME, true, 26, 20)))).first().isEqualTo("deep-0733");
		// a write before the page moves it by one, even though anchors were cached
		this.cmdb.create(new NewConfigurationItem("deep-0000a", "anchor_probe", null, null, null, null), "t");
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("anchor_probe", null, null,
				ConfigurationItemSort.NAME, false, 61, 20)))).first().isEqualTo("deep-1199");
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("anchor_probe", null, null,
				ConfigurationItemSort.CREATED_AT, false, 26, 20)))).first().isEqualTo("deep-0500");
	}

	@Test
	void listWhenSortedByNameIgnoresCase() {
		for (String name : List.of("charlie", "Beta", "alpha", "DELTA")) {
			this.cmdb.create(new NewConfigurationItem(name, "case_probe", null, "case probe", null, null), "t");
		}
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("case_probe", null, null, ConfigurationItemSort.NAME,
				false, 1, 10)))).containsExactly("alpha", "Beta", "charlie", "DELTA");
		assertThat(names(this.cmdb.list(new ConfigurationItemQuery("case_probe", null, "probe",
				ConfigurationItemSort.NAME, true, 1, 10)))).containsExactly("DELTA", "charlie", "Beta", "alpha");
	}

	private static List<String> names(Page<ListedConfigurationItem> page) {
		return page.items().stream().map((listed) -> listed.item().name()).toList();
	}

	private static String[] range(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj((i) -> String.format("deep-%04d", i))
			.toArray(String[]::new);
	}

	@Test
	void countsFollowStatusAndTypeChanges() {
		// given
		ConfigurationItem ci = this.cmdb.create(new NewConfigurationItem("count-1", "count_probe", null, null, null,
				null), "t");
		this.cmdb.create(new NewConfigurationItem("count-2", "count_probe", null, null, null, null), "t");
		// when
		this.cmdb.update(ci.id(), new ConfigurationItemChanges(null, null, "inactive", null, null, null), "t");
		// then
		assertThat(total("count_probe", null)).isEqualTo(2);
		assertThat(total("count_probe", ConfigurationItemStatus.INACTIVE)).isEqualTo(1);
		this.cmdb.delete(ci.id(), "t");
		assertThat(total("count_probe", ConfigurationItemStatus.INACTIVE)).isZero();
		assertThat(total("count_probe", null)).isEqualTo(1);
	}

	@Test
	void searchFindsWritesAsSoonAsTheyReturn() {
		// given
		Map<String, Object> custom = Map.of("department", "Quantum Accounting");
		ConfigurationItem ci = this.cmdb.create(new NewConfigurationItem("SRCH-WEB-01", "server", null,
				"Front door of the zebra portal", Map.of("os", "Ubuntu 22.04"), custom), "t");
		// when / then
		assertThat(search("zebra")).containsExactly(ci.id());
		assertThat(search("quantum accounting")).containsExactly(ci.id());
		assertThat(search("SRCH-WEB-01")).containsExactly(ci.id());
		this.cmdb.update(ci.id(), new ConfigurationItemChanges(null, null, null, "Front door of the yak portal", null,
				null), "t");
		assertThat(search("zebra")).isEmpty();
		assertThat(search("yak")).containsExactly(ci.id());
		this.cmdb.delete(ci.id(), "t");
		assertThat(search("yak")).isEmpty();
	}

	@Test
	void searchMatchesHostNamesAndAddressesWholeOrByTheirParts() {
		// given: an FQDN, an IP address and a version are each one token to the standard tokenizer
		ConfigurationItem fqdn = this.cmdb.create(new NewConfigurationItem("kestrel.lab.example", "server", null,
				null, Map.of("ip_address", "10.77.3.41", "os", "Debian 12.5"), null), "t");
		ConfigurationItem other = this.cmdb.create(new NewConfigurationItem("harrier.lab.example", "server", null,
				null, Map.of("ip_address", "10.77.4.9"), null), "t");
		// when / then: the whole token still matches, and so does any part of it
		assertThat(search("kestrel.lab.example")).containsExactly(fqdn.id());
		assertThat(search("kestrel")).containsExactly(fqdn.id());
		assertThat(search("lab.example")).containsExactlyInAnyOrder(fqdn.id(), other.id());
		assertThat(search("harrier lab")).containsExactly(other.id());
		assertThat(search("10.77.3.41")).containsExactly(fqdn.id());
		assertThat(search("10.77.3.99")).isEmpty();
		assertThat(search("41")).containsExactly(fqdn.id());
		assertThat(search("debian 12")).containsExactly(fqdn.id());
	}

	@Test
	void searchSeesOwnWriteWhileAnotherTransactionHoldsTheOutboxBack() throws Exception {
		// given a transaction left open elsewhere on the server, so the outbox cannot be read past it
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_current_xact_id()");
			}
			// when
			ConfigurationItem ci = this.cmdb.create(new NewConfigurationItem("HELD-BACK-01", "server",
					null, "the ocelot box", null, null), "t");
			// then
			assertThat(search("ocelot")).containsExactly(ci.id());
			other.rollback();
		}
	}

	private List<String> search(String text) {
		return this.cmdb.list(new ConfigurationItemQuery(null, null, text, null, false, 1, 20))
			.items()
			.stream()
			.map((listed) -> listed.item().id())
			.toList();
	}

	private long total(String type, ConfigurationItemStatus status) {
		return this.cmdb.list(new ConfigurationItemQuery(type, status, null, null, false, 1, 1)).total();
	}

	private static NewConfigurationItem server(String name, String ip) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("ip_address", ip);
		attributes.put("os", "Ubuntu 22.04");
		return new NewConfigurationItem(name, "server", null, null, attributes, Map.of("environment", "production"));
	}

}
