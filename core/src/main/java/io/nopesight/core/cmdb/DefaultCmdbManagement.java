package io.nopesight.core.cmdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import io.nopesight.core.ConflictException;
import io.nopesight.core.ExpectedRevision;
import io.nopesight.core.Ids;
import io.nopesight.core.Page;
import io.nopesight.core.outbox.DomainEventOutbox;

@Service
class DefaultCmdbManagement implements CmdbManagement {

	private final JdbcConfigurationItemRepository items;

	private final DomainEventOutbox outbox;

	private final LuceneCmdbIndex index;

	private final JdbcConfigurationItemPages pages;

	private final JdbcConfigurationItemBulkWrites bulk;

	DefaultCmdbManagement(JdbcConfigurationItemRepository items, JdbcConfigurationItemPages pages,
			DomainEventOutbox outbox, LuceneCmdbIndex index, JdbcConfigurationItemBulkWrites bulk) {
		this.pages = pages;
		this.items = items;
		this.bulk = bulk;
		this.outbox = outbox;
		this.index = index;
	}

	@Override
	@Transactional
	public ConfigurationItem create(NewConfigurationItem item, String actor) {
		ConfigurationItemRules.check(item.name(), item.type(), item.status(), item.description(), true);
		Instant now = now();
		ConfigurationItem ci = new ConfigurationItem(Ids.next("ci"), item.name().strip(), item.type(),
				(item.status() != null) ? ConfigurationItemStatus.fromValue(item.status()).orElseThrow()
						: ConfigurationItemStatus.ACTIVE,
				item.description(), withoutNulls(item.attributes()), withoutNulls(item.customFields()), now, now,
				actor, actor, 1);
		try {
			this.items.insert(ci);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ci.type(), ci.name());
		}
		publish("ci.created", ci);
		return ci;
	}

	@Override
	@Transactional
	public ConfigurationItem update(String id, ConfigurationItemChanges changes, String actor) {
		return update(id, changes, actor, null);
	}

	@Override
	@Transactional
	public ConfigurationItem update(String id, ConfigurationItemChanges changes, String actor,
			@Nullable ExpectedRevision expected) {
		ConfigurationItemRules.check(changes.name(), changes.type(), changes.status(), changes.description(), false);
		ConfigurationItem current = this.items.findByIdForUpdate(id)
			.orElseThrow(() -> new ConfigurationItemNotFoundException(id));
		if (expected != null) {
			expected.check("Configuration item " + id, current.revision());
		}
		ConfigurationItem changed = new ConfigurationItem(id,
				(changes.name() != null) ? changes.name().strip() : current.name(),
				(changes.type() != null) ? changes.type() : current.type(),
				(changes.status() != null) ? ConfigurationItemStatus.fromValue(changes.status()).orElseThrow()
						: current.status(),
				(changes.description() != null) ? changes.description() : current.description(),
				merge(current.attributes(), changes.attributes()), merge(current.customFields(), changes.customFields()),
				current.createdAt(), now(), current.createdBy(), actor, current.revision());
		long revision;
		try {
			revision = this.items.update(changed);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(changed.type(), changed.name());
		}
		ConfigurationItem updated = withRevision(changed, revision);
		publish("ci.updated", updated);
		return updated;
	}

	@Override
	@Transactional
	public List<ConfigurationItem> createAll(List<NewConfigurationItem> items, String actor) {
		Instant now = now();
		List<ConfigurationItem> created = new ArrayList<>(items.size());
		for (NewConfigurationItem item : items) {
			ConfigurationItemRules.check(item.name(), item.type(), item.status(), item.description(), true);
			created.add(new ConfigurationItem(Ids.next("ci"), item.name().strip(), item.type(),
					(item.status() != null) ? ConfigurationItemStatus.fromValue(item.status()).orElseThrow()
							: ConfigurationItemStatus.ACTIVE,
					item.description(), withoutNulls(item.attributes()), withoutNulls(item.customFields()), now, now,
					actor, actor, 1));
		}
		try {
			this.bulk.insertAll(created, now, actor);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A configuration item of the same type and name already exists");
		}
		publishAll("ci.created", created.stream()
			.map((ci) -> new ConfigurationItemRef(ci.id(), ci.name(), ci.type()))
			.toList(), actor);
		return created;
	}

	@Override
	@Transactional
	public List<ConfigurationItemRef> updateAll(Map<String, ConfigurationItemChanges> changes, String actor) {
		changes.values()
			.forEach((c) -> ConfigurationItemRules.check(c.name(), c.type(), c.status(), c.description(), false));
		List<String> found = this.bulk.lock(changes.keySet());
		if (found.size() != changes.size()) {
			Set<String> existing = new HashSet<>(found);
			throw new ConfigurationItemNotFoundException(
					changes.keySet().stream().filter((id) -> !existing.contains(id)).findFirst().orElseThrow());
		}
		List<ConfigurationItemRef> changed;
		try {
			changed = this.bulk.updateAll(changes, now(), actor);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A configuration item of the same type and name already exists");
		}
		publishAll("ci.updated", changed, actor);
		return changed;
	}

	@Override
	@Transactional
	public void recordSightings(Map<String, Map<String, Object>> sightings) {
		sightings.values()
			.forEach((values) -> Assert.isTrue(SIGHTING_ATTRIBUTES.containsAll(values.keySet()),
					() -> "Only " + SIGHTING_ATTRIBUTES + " are sightings, not " + values.keySet()));
		this.bulk.lock(sightings.keySet());
		this.bulk.setSightings(sightings);
	}

	@Override
	@Transactional
	public void delete(String id, String actor) {
		delete(id, actor, null);
	}

	@Override
	@Transactional
	public void delete(String id, String actor, @Nullable ExpectedRevision expected) {
		ConfigurationItem current = this.items.findByIdForUpdate(id)
			.orElseThrow(() -> new ConfigurationItemNotFoundException(id));
		if (expected != null) {
			expected.check("Configuration item " + id, current.revision());
		}
		this.items.delete(id);
		publish("ci.deleted", current);
	}

	@Override
	public ConfigurationItem get(String id) {
		return this.items.findById(id).orElseThrow(() -> new ConfigurationItemNotFoundException(id));
	}

	@Override
	public Page<ListedConfigurationItem> list(ConfigurationItemQuery query) {
		if (query.search() != null && !query.search().isBlank()) {
			SearchHits hits = this.index.search(query.search(), query.type(), query.status(), query.sort(),
					query.descending(), query.offset(), query.limit());
			List<ListedConfigurationItem> rows = JdbcConfigurationItemRepository.inOrder(hits.ids(),
					this.items.findListedByIds(hits.ids()));
			return new Page<>(rows, hits.total(), query.page(), query.limit());
		}
		return this.pages.page(query.type(), query.status(),
				(query.sort() != null) ? query.sort() : ConfigurationItemSort.NAME, query.descending(), query.page(),
				query.limit());
	}

	@Override
	public List<ConfigurationItem> findByIp(String ip) {
		return this.items.findByIp(ip);
	}

	@Override
	public List<ConfigurationItem> findByName(String name) {
		return this.items.findByName(name);
	}

	@Override
	public List<ConfigurationItem> findByHost(String host) {
		return this.items.findByHost(host);
	}

	private void publishAll(String type, List<ConfigurationItemRef> cis, String actor) {
		if (cis.isEmpty()) {
			return;
		}
		this.outbox.publishAll(cis.stream()
			.map((ci) -> new DomainEventOutbox.Event(type, ci.id(), payload(ci.id(), ci.name(), ci.type(), actor)))
			.toList());
		catchUpAfterCommit();
	}

	private static Map<String, Object> payload(String id, String name, String type, @Nullable String actor) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ci", Map.of("id", id, "name", name, "type", type));
		payload.put("actor", (actor != null) ? actor : "");
		return payload;
	}

	private void catchUpAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				DefaultCmdbManagement.this.index.catchUpSoon();
			}
		});
	}

	private void publish(String type, ConfigurationItem ci) {
		this.outbox.publish(type, ci.id(), payload(ci.id(), ci.name(), ci.type(), ci.updatedBy()));
		changedInThisTransaction().add(ci.id());
	}

	/**
	 * The CIs this transaction wrote; after it commits they are re-read into the search index, so the
	 * writer sees its own change in search as soon as the call returns.
	 */
	@SuppressWarnings("unchecked")
	private Set<String> changedInThisTransaction() {
		Object bound = TransactionSynchronizationManager.getResource(this);
		if (bound != null) {
			return (Set<String>) bound;
		}
		Set<String> changed = new LinkedHashSet<>();
		TransactionSynchronizationManager.bindResource(this, changed);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(DefaultCmdbManagement.this);
				if (status == STATUS_COMMITTED) {
					DefaultCmdbManagement.this.index.refresh(changed);
				}
			}
		});
		return changed;
	}

	private static ConflictException duplicate(String type, String name) {
		return new ConfigurationItemExistsException(
				"A configuration item of type '" + type + "' named '" + name + "' already exists");
	}

	private static ConfigurationItem withRevision(ConfigurationItem ci, long revision) {
		return new ConfigurationItem(ci.id(), ci.name(), ci.type(), ci.status(), ci.description(), ci.attributes(),
				ci.customFields(), ci.createdAt(), ci.updatedAt(), ci.createdBy(), ci.updatedBy(), revision);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, @Nullable Object> withoutNulls(@Nullable Map<String, @Nullable Object> fields) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((key, value) -> {
				if (value != null) {
					result.put(key, value);
				}
			});
		}
		return result;
	}

	static Map<String, @Nullable Object> merge(Map<String, @Nullable Object> current,
			@Nullable Map<String, @Nullable Object> patch) {
		if (patch == null) {
			return current;
		}
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(current);
		patch.forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

}
