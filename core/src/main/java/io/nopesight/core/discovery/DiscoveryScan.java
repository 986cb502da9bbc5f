package io.nopesight.core.discovery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A submitted scan and what its job did: hosts seen, CIs created, updated and unchanged, conflicts.
 */
public record DiscoveryScan(String id, ScanType scanType, String scannerId, ScanFormat format, Instant scannedAt,
		ScanStatus status, String submittedBy, Instant receivedAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, int hostsSeen, int cisCreated, int cisUpdated, int cisUnchanged,
		int conflicts, @Nullable String error) {
}
