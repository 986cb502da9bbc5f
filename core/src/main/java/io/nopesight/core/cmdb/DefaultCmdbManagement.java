package io.nopesight.core.cmdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.outbox.DomainEventOutbox;

@Service
class DefaultCmdbManagement implements CmdbManagement {

	private final JdbcConfigurationItemRepository items;

	private final DomainEventOutbox outbox;

	private final LuceneCmdbIndex index;

	private final JdbcConfigurationItemPages pages;

	DefaultCmdbManagement(JdbcConfigurationItemRepository items, JdbcConfigurationItemPages pages,
			DomainEventOutbox outbox, LuceneCmdbIndex index) {
		this.pages = pages;
		this.items = items;
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
				actor, actor);
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
		ConfigurationItemRules.check(changes.name(), changes.type(), changes.status(), changes.description(), false);
		ConfigurationItem current = this.items.findByIdForUpdate(id)
			.orElseThrow(() -> new ConfigurationItemNotFoundException(id));
		ConfigurationItem changed = new ConfigurationItem(id,
				(changes.name() != null) ? changes.name().strip() : current.name(),
				(changes.type() != null) ? changes.type() : current.type(),
				(changes.status() != null) ? ConfigurationItemStatus.fromValue(changes.status()).orElseThrow()
						: current.status(),
				(changes.description() != null) ? changes.description() : current.description(),
				merge(current.attributes(), changes.attributes()), merge(current.customFields(), changes.customFields()),
				current.createdAt(), now(), current.createdBy(), actor);
		try {
			this.items.update(changed);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(changed.type(), changed.name());
		}
		publish("ci.updated", changed);
		return changed;
	}

	@Override
	@Transactional
	public List<ConfigurationItem> createAll(List<NewConfigurationItem> items, String actor) {
		Instant now = now();
		List<ConfigurationItem> created = new java.util.ArrayList<>(items.size());
		for (NewConfigurationItem item : items) {
			ConfigurationItemRules.check(item.name(), item.type(), item.status(), item.description(), true);
			created.add(new ConfigurationItem(Ids.next("ci"), item.name().strip(), item.type(),
					(item.status() != null) ? ConfigurationItemStatus.fromValue(item.status()).orElseThrow()
							: ConfigurationItemStatus.ACTIVE,
					item.description(), withoutNulls(item.attributes()), withoutNulls(item.customFields()), now, now,
					actor, actor));
		}
		try {
			this.items.insertAll(created);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A configuration item of the same type and name already exists");
		}
		publishAll("ci.created", created);
		return created;
	}

	@Override
	@Transactional
	public List<ConfigurationItem> updateAll(Map<String, ConfigurationItemChanges> changes, String actor) {
		changes.values()
			.forEach((c) -> ConfigurationItemRules.check(c.name(), c.type(), c.status(), c.description(), false));
		Instant now = now();
		List<ConfigurationItem> changed = new java.util.ArrayList<>(changes.size());
		for (ConfigurationItem current : this.items.findByIdsForUpdate(changes.keySet())) {
			changed.add(apply(current, changes.get(current.id()), now, actor));
		}
		if (changed.size() != changes.size()) {
			String missing = changes.keySet()
				.stream()
				.filter((id) -> changed.stream().noneMatch((ci) -> ci.id().equals(id)))
				.findFirst()
				.orElseThrow();
			throw new ConfigurationItemNotFoundException(missing);
		}
		try {
			this.items.updateAll(changed);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A configuration item of the same type and name already exists");
		}
		publishAll("ci.updated", changed);
		return changed;
	}

	private static ConfigurationItem apply(ConfigurationItem current, ConfigurationItemChanges changes, Instant now,
			String actor) {
		return new ConfigurationItem(current.id(), (changes.name() != null) ? changes.name().strip() : current.name(),
				(changes.type() != null) ? changes.type() : current.type(),
				(changes.status() != null) ? ConfigurationItemStatus.fromValue(changes.status()).orElseThrow()
						: current.status(),
				(changes.description() != null) ? changes.description() : current.description(),
				merge(current.attributes(), changes.attributes()), merge(current.customFields(), changes.customFields()),
				current.createdAt(), now, current.createdBy(), actor);
	}

	@Override
	@Transactional
	public void delete(String id, String actor) {
		ConfigurationItem current = this.items.findByIdForUpdate(id)
			.orElseThrow(() -> new ConfigurationItemNotFoundException(id));
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

	private void publishAll(String type, List<ConfigurationItem> cis) {
		if (cis.isEmpty()) {
			return;
		}
		this.outbox.publishAll(cis.stream()
			.map((ci) -> new DomainEventOutbox.Event(type, ci.id(), payload(ci)))
			.toList());
		catchUpAfterCommit();
	}

	private static Map<String, Object> payload(ConfigurationItem ci) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ci", Map.of("id", ci.id(), "name", ci.name(), "type", ci.type()));
		payload.put("actor", (ci.updatedBy() != null) ? ci.updatedBy() : "");
		return payload;
	}

	private void catchUpAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				DefaultCmdbManagement.this.index.catchUp();
			}
		});
	}

	private void publish(String type, ConfigurationItem ci) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ci", Map.of("id", ci.id(), "name", ci.name(), "type", ci.type()));
		payload.put("actor", (ci.updatedBy() != null) ? ci.updatedBy() : "");
		this.outbox.publish(type, ci.id(), payload);
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
		return new ConflictException("A configuration item of type '" + type + "' named '" + name + "' already exists");
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
