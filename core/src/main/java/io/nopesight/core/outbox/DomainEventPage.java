package io.nopesight.core.outbox;

import java.util.List;

/**
 * What a follower read of the outbox: the events of the types it asked for, the position it read up to
 * (past events of other types too), and whether there is more to read after it.
 */
public record DomainEventPage(List<StoredDomainEvent> events, ChangePosition readTo, boolean more) {
}
