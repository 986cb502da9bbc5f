package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.ExpectedRevision;
import io.nopesight.core.Page;

/**
 * Creates, changes, finds and removes configuration items. Every write publishes {@code ci.created},
 * {@code ci.updated} or {@code ci.deleted} in its own transaction and is searchable once it returns.
 */
public interface CmdbManagement {

	/**
	 * The attributes discovery keeps about when it saw a CI, which {@link #recordSightings} writes.
	 */
	Set<String> SIGHTING_ATTRIBUTES = Set.of("first_seen", "last_seen");

	ConfigurationItem create(NewConfigurationItem item, String actor);

	ConfigurationItem update(String id, ConfigurationItemChanges changes, String actor);

	/**
	 * Applies the changes; with {@code expected}, only if the CI is still at one of those revisions
	 * ({@link io.nopesight.core.PreconditionFailedException} otherwise).
	 */
	ConfigurationItem update(String id, ConfigurationItemChanges changes, String actor,
			@Nullable ExpectedRevision expected);

	/**
	 * Creates many CIs in one transaction with one statement; each publishes {@code ci.created}. They are
	 * searchable once the search index has followed the outbox to them, shortly after the commit.
	 */
	List<ConfigurationItem> createAll(List<NewConfigurationItem> items, String actor);

	/**
	 * Applies many partial updates (by CI id) in one transaction with one statement, merged against the
	 * rows as they are when locked; each publishes {@code ci.updated}. Returns the short form of each
	 * changed CI. Searchable as for {@link #createAll}.
	 */
	List<ConfigurationItemRef> updateAll(Map<String, ConfigurationItemChanges> changes, String actor);

	/**
	 * Records when discovery saw CIs (by CI id): sets only {@link #SIGHTING_ATTRIBUTES}. A sighting is not a
	 * change of the CI: {@code updated_at} stays, no event is published, and search does not index these
	 * attributes. Nothing indexed changes, so PostgreSQL rewrites such a row without touching its indexes.
	 * CIs deleted meanwhile are skipped.
	 */
	void recordSightings(Map<String, Map<String, Object>> sightings);

	void delete(String id, String actor);

	/**
	 * Deletes the CI (and its relationships); with {@code expected}, only if it is still at one of those
	 * revisions.
	 */
	void delete(String id, String actor, @Nullable ExpectedRevision expected);

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

	/**
	 * The CIs a host name (full or short, as monitoring names machines) may mean: by their name, or by the
	 * first label of their {@code hostname} attribute, any case; those that match the whole name first.
	 */
	List<ConfigurationItem> findByHost(String host);

}
