package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event: what a monitoring system or application reported about one or more CIs. {@code count} and
 * {@code lastSeen} grow as duplicates arrive; {@code createdAt} is when it happened (as reported), and
 * {@code incidentId} the incident the correlator put it in (null for the moment after intake).
 */
public record Event(String id, String title, @Nullable String description, Severity severity, EventStatus status,
		String source, @Nullable String sourceId, String fingerprint, List<String> affectedCis,
		Map<String, @Nullable Object> metrics, Map<String, @Nullable Object> labels,
		Map<String, @Nullable Object> annotations, int count, Instant createdAt, Instant lastSeen,
		Instant updatedAt, Instant receivedAt, @Nullable Instant resolvedAt, @Nullable String createdBy,
		@Nullable String incidentId) {
}
