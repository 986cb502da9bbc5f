package io.nopesight.core.cmdb;

import java.util.List;

/**
 * Creates, changes, finds and removes configuration items. Every write publishes {@code ci.created},
 * {@code ci.updated} or {@code ci.deleted} in its own transaction and is searchable once it returns.
 */
public interface CmdbManagement {

	ConfigurationItem create(NewConfigurationItem item, String actor);

	ConfigurationItem update(String id, ConfigurationItemChanges changes, String actor);

	/**
	 * Creates many CIs in one transaction with batched statements; each publishes {@code ci.created}.
	 */
	List<ConfigurationItem> createAll(List<NewConfigurationItem> items, String actor);

	/**
	 * Applies many partial updates (by CI id) in one transaction with batched statements; each publishes
	 * {@code ci.updated}.
	 */
	List<ConfigurationItem> updateAll(java.util.Map<String, ConfigurationItemChanges> changes, String actor);

	void delete(String id, String actor);

	ConfigurationItem get(String id);

	/**
	 * One page of CIs with the total they were cut from and each one's relationship count.
	 */
	Page<ListedConfigurationItem> list(ConfigurationItemQuery query);

	/**
	 * The CIs carrying {@code ip} in any of their IP fields.
	 */
	List<ConfigurationItem> findByIp(String ip);

	/**
	 * Configuration items by name and optional type, exact match.
	 */
	List<ConfigurationItem> findByName(String name);

}
