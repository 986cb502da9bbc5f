package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.Severity;

/**
 * An event as health sees it: on which CIs, how bad, and from when until when it weighs ({@code end} null:
 * still open or acknowledged).
 */
record ActiveEvent(String id, String title, Severity severity, List<String> cis, Instant start,
		@Nullable Instant end) {

	ActiveEvent {
		cis = List.copyOf(cis);
	}

	boolean activeAt(Instant at) {
		return !this.start.isAfter(at) && (this.end == null || this.end.isAfter(at));
	}

}
