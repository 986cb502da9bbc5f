package io.nopesight.api.discovery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.core.discovery.DiscoveredHost;
import io.nopesight.core.discovery.DiscoveryScan;
import io.nopesight.core.discovery.ScanConflict;

/**
 * A scan in the history: what was submitted, where its job is, and what it did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScanResponse(String id, String scanType, String scannerId, String format, String status, Instant timestamp,
		Instant receivedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, String submittedBy,
		Counts counts, @Nullable String error, @Nullable List<Conflict> conflictDetails) {

	static ScanResponse from(DiscoveryScan scan) {
		return from(scan, null);
	}

	static ScanResponse from(DiscoveryScan scan, @Nullable List<ScanConflict> conflicts) {
		return new ScanResponse(scan.id(), scan.scanType().value(), scan.scannerId(), scan.format().value(),
				scan.status().value(), scan.scannedAt(), scan.receivedAt(), scan.startedAt(), scan.finishedAt(),
				scan.submittedBy(),
				new Counts(scan.hostsSeen(), scan.cisCreated(), scan.cisUpdated(), scan.cisUnchanged(),
						scan.conflicts()),
				scan.error(), (conflicts != null) ? conflicts.stream().map(Conflict::from).toList() : null);
	}

	record Counts(int hostsSeen, int cisCreated, int cisUpdated, int cisUnchanged, int conflicts) {
	}

	record Conflict(int hostIndex, String rule, DiscoveredHost host, List<String> matchingCiIds) {

		static Conflict from(ScanConflict conflict) {
			return new Conflict(conflict.hostIndex(), conflict.rule(), conflict.host(), conflict.ciIds());
		}

	}

}
