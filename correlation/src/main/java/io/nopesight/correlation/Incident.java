package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An incident: events that are one problem, with its likely root cause. {@code severity} is its worst
 * event's; {@code resolvedAt} is set once it was resolved, after which it takes no new event.
 */
public record Incident(String id, String title, IncidentStatus status, Severity severity, Instant startedAt,
		Instant lastEventAt, int eventCount, List<String> affectedCis, @Nullable RootCauseCandidate rootCause,
		@Nullable String mergedInto, boolean manuallyGrouped, Instant createdAt, Instant updatedAt,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Instant resolvedAt,
		@Nullable String resolvedBy) {
}
