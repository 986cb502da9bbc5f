package io.nopesight.core.work;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One piece of background work: what it is about ({@code kind}, {@code subjectId}), where it stands, how
 * many times a node has taken it up ({@code attempts}: an earlier run failed, or its node stopped first) and
 * which node took it up last ({@code claimedBy}).
 */
public record WorkItem(String id, String kind, String subjectId, WorkStatus status, int attempts,
		@Nullable String claimedBy, Instant createdAt, @Nullable Instant finishedAt, @Nullable String error) {
}
