package io.nopesight.core.cmdb;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.ConflictException;
import io.nopesight.core.CoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@CoreIntegrationTest
class CmdbBulkWritesIntegrationTests {

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void createAllAndUpdateAllWhenBatchedKeepCountsEventsAndSearchInStep() {
		// given
		List<NewConfigurationItem> items = List.of(bulk("BULK-01", "10.8.0.1"), bulk("BULK-02", "10.8.0.2"),
				bulk("BULK-03", "10.8.0.3"));
		// when
		List<ConfigurationItem> created = this.cmdb.createAll(items, "bulk");
		Map<String, ConfigurationItemChanges> changes = new LinkedHashMap<>();
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("os", "Devuan 5");
		attributes.put("ip_address", null);
		changes.put(created.get(0).id(), new ConfigurationItemChanges(null, null, "maintenance", null, attributes, null));
		changes.put(created.get(1).id(), new ConfigurationItemChanges(null, null, null, null, Map.of("rack", "R2"), null));
		List<ConfigurationItemRef> updated = this.cmdb.updateAll(changes, "bulk");
		// then
		assertThat(this.cmdb.list(new ConfigurationItemQuery("bulk_probe", null, null, null, false, 1, 10)).total())
			.isEqualTo(3);
		assertThat(this.cmdb.list(new ConfigurationItemQuery("bulk_probe", ConfigurationItemStatus.MAINTENANCE, null,
				null, false, 1, 10)).total()).isEqualTo(1);
		assertThat(updated).hasSize(2);
		ConfigurationItem first = this.cmdb.get(created.get(0).id());
		assertThat(first.attributes()).containsEntry("os", "Devuan 5").doesNotContainKey("ip_address");
		assertThat(this.cmdb.findByIp("10.8.0.1")).isEmpty();
		assertThat(this.cmdb.findByIp("10.8.0.2")).extracting(ConfigurationItem::name).containsExactly("BULK-02");
		assertThat(this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = ANY(:ids) ORDER BY seq")
			.param("ids", created.stream().map(ConfigurationItem::id).toArray(String[]::new))
			.query(String.class)
			.list()).containsExactly("ci.created", "ci.created", "ci.created", "ci.updated", "ci.updated");
		// the index follows the outbox, which shows a transaction once every older one in the cluster ended;
		// the OS is one no other test uses, as the search looks at every CI in the shared schema
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(
					this.cmdb.list(new ConfigurationItemQuery(null, null, "devuan", null, false, 1, 10)).items())
				.extracting((listed) -> listed.item().name())
				.containsExactly("BULK-01"));
	}

	@Test
	void recordSightingsWhenOnlySightingsChangeKeepsUpdatedAtPublishesNothingAndWritesNoIndexEntry() {
		// given
		ConfigurationItem ci = this.cmdb.createAll(List.of(bulk("SEEN-01", "10.8.2.1")), "bulk").get(0);
		// when
		long hotUpdates = new TransactionTemplate(this.transactions).execute((status) -> {
			this.cmdb.recordSightings(Map.of(ci.id(), Map.of("last_seen", "2026-11-01T10:00:00Z")));
			return this.jdbc.sql("SELECT pg_stat_get_xact_tuples_hot_updated('configuration_item'::regclass)")
				.query(Long.class)
				.single();
		});
		// then
		ConfigurationItem seen = this.cmdb.get(ci.id());
		assertThat(seen.attributes()).containsEntry("last_seen", "2026-11-01T10:00:00Z")
			.containsEntry("ip_address", "10.8.2.1");
		assertThat(seen.updatedAt()).isEqualTo(ci.updatedAt());
		assertThat(hotUpdates).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id ORDER BY seq")
			.param("id", ci.id())
			.query(String.class)
			.list()).containsExactly("ci.created");
	}

	@Test
	void recordSightingsWhenGivenAnotherAttributeRefusesIt() {
		// given
		ConfigurationItem ci = this.cmdb.createAll(List.of(bulk("SEEN-02", "10.8.2.2")), "bulk").get(0);
		// when / then
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.cmdb.recordSightings(Map.of(ci.id(), Map.of("os", "Devuan 5"))));
		assertThat(this.cmdb.get(ci.id()).attributes()).doesNotContainKey("os");
	}

	@Test
	void createAllWhenANameIsTakenWritesNothing() {
		// given
		this.cmdb.create(bulk("TAKEN-01", "10.8.1.1"), "bulk");
		// when / then
		assertThatExceptionOfType(ConflictException.class).isThrownBy(
				() -> this.cmdb.createAll(List.of(bulk("FRESH-01", "10.8.1.2"), bulk("TAKEN-01", "10.8.1.3")), "bulk"));
		assertThat(this.cmdb.findByIp("10.8.1.2")).isEmpty();
	}

	private static NewConfigurationItem bulk(String name, String ip) {
		return new NewConfigurationItem(name, "bulk_probe", null, null, Map.of("ip_address", ip), Map.of());
	}

}
