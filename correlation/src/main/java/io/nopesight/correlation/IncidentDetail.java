package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An incident with its events, its root-cause candidates ranked with their evidence, and its timeline.
 */
public record IncidentDetail(Incident incident, List<Event> events, List<RootCauseCandidate> rootCauseCandidates,
		List<TimelineEntry> timeline) {

	/**
	 * One moment of an incident: an event arriving ({@code event}), or something people did
	 * ({@code status_changed}, {@code merged}, {@code event_moved_in}, {@code event_moved_out}).
	 */
	public record TimelineEntry(Instant at, String kind, String summary, @Nullable String eventId,
			@Nullable String actor, Map<String, Object> detail) {
	}

}
