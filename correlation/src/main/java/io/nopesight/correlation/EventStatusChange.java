package io.nopesight.correlation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step in an event's status history; the first has no {@code from}.
 */
public record EventStatusChange(@Nullable EventStatus from, EventStatus to, @Nullable String comment,
		@Nullable String actor, Instant at) {
}
