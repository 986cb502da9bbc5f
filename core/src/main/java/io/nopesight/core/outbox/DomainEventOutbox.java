package io.nopesight.core.outbox;

import java.util.Collection;
import java.util.List;

/**
 * Publishes domain events ({@code ci.created}, {@code ci.updated}, ...) inside the caller's transaction, so
 * an event exists exactly when its change does, and lets followers (the search index, webhook delivery)
 * read them in an order that never skips a late-committing transaction.
 */
public interface DomainEventOutbox {

	void publish(String type, String aggregateId, Object payload);

	/**
	 * Publishes many events with one batched statement, in the caller's transaction.
	 */
	void publishAll(List<Event> events);

	/**
	 * Events after {@code position} whose transactions have ended, oldest first.
	 */
	List<StoredDomainEvent> readAfter(ChangePosition position, int limit);

	/**
	 * Of the next {@code limit} events after {@code position} whose transactions have ended, those whose type
	 * starts with one of {@code typePrefixes} (such as {@code "ci."}), oldest first: a follower of a few types
	 * moves past the others without fetching them.
	 */
	DomainEventPage readAfter(ChangePosition position, int limit, Collection<String> typePrefixes);

	/**
	 * The position a follower that has just read the whole current state can start from.
	 */
	ChangePosition currentSafePosition();

	/**
	 * Identifies this database's stream of events; positions mean nothing in another stream.
	 */
	String streamId();

	/**
	 * An event to publish.
	 */
	record Event(String type, String aggregateId, Object payload) {
	}

}
