package io.nopesight.core.outbox;

import java.time.Instant;

/**
 * One event as the outbox holds it; {@code payload} is its JSON.
 */
public record StoredDomainEvent(ChangePosition position, String type, String aggregateId, String payload,
		Instant occurredAt) {
}
