package io.nopesight.correlation;

import org.jspecify.annotations.Nullable;

/**
 * What intake did with an event: stored it as new, or counted it on an open event it duplicates
 * ({@code matchedOn}: {@code source_id} or {@code fingerprint}).
 */
public record EventIntake(Event event, boolean duplicate, @Nullable String matchedOn) {
}
