package io.nopesight.core.discovery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemRef;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;

@CoreIntegrationTest
class JdbcHostCandidateRepositoryIntegrationTests {

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcHostCandidateRepository hosts;

	@Test
	void hostsByIpWhenSeveralCisCarryAnAddressPicksTheFirstHostByNameAsFindByIpListsIt() {
		// given
		ConfigurationItem first = create("HBI-A", "server", "10.9.77.1");
		create("HBI-B", "server", "10.9.77.1");
		create("HBI-0-APP", "application", "10.9.77.1");
		create("HBI-DB", "database", "10.9.77.2");
		ConfigurationItem other = create("HBI-C", "workstation", "10.9.77.4");
		// when
		Map<String, ConfigurationItemRef> found = this.hosts
			.hostsByIp(List.of("10.9.77.1", "10.9.77.2", "10.9.77.3", "10.9.77.4"));
		// then
		assertThat(found).containsOnlyKeys("10.9.77.1", "10.9.77.4");
		assertThat(found.get("10.9.77.1")).isEqualTo(new ConfigurationItemRef(first.id(), "HBI-A", "server"));
		assertThat(found.get("10.9.77.4").id()).isEqualTo(other.id());
		assertThat(this.cmdb.findByIp("10.9.77.1")).extracting(ConfigurationItem::name)
			.containsExactly("HBI-0-APP", "HBI-A", "HBI-B");
	}

	@Test
	void hostsByIpWhenGivenNoAddressesFindsNothing() {
		assertThat(this.hosts.hostsByIp(List.of())).isEmpty();
	}

	private ConfigurationItem create(String name, String type, String ip) {
		return this.cmdb.create(new NewConfigurationItem(name, type, null, null, Map.of("ip_address", ip), Map.of()),
				"test");
	}

}
