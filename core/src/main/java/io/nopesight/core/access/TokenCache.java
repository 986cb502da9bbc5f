package io.nopesight.core.access;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recognised tokens, so that a request needs no database round trip to authenticate. It is used only while
 * {@link TokenChangeListener} is listening for changes: every change to a stored token is announced by
 * PostgreSQL ({@code NOTIFY} at commit, from a trigger) and empties the cache on every node; the node that
 * makes the change empties its own before answering. Expiry is checked on every use. Entries read while a
 * change was being announced are not kept (a generation counter), so a stale entry cannot outlive the
 * announcement.
 */
@Component
class TokenCache {

	private static final int MAX_ENTRIES = 100_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private volatile boolean enabled;

	long generation() {
		return this.generation.get();
	}

	@Nullable Principal find(String key, Instant now) {
		if (!this.enabled) {
			return null;
		}
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.principal();
	}

	void put(String key, Principal principal, @Nullable Instant expiresAt, long readAtGeneration) {
		if (!this.enabled || this.entries.size() >= MAX_ENTRIES) {
			return;
		}
		this.entries.put(key, new Entry(principal, expiresAt));
		if (this.generation.get() != readAtGeneration) {
			this.entries.remove(key);
		}
	}

	void clear() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	/**
	 * Empties the cache now and, inside a transaction, again once it has committed.
	 */
	void changed() {
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}

	boolean enabled() {
		return this.enabled;
	}

	void enable(boolean enabled) {
		clear();
		this.enabled = enabled;
		clear();
	}

	private record Entry(Principal principal, @Nullable Instant expiresAt) {
	}

}
