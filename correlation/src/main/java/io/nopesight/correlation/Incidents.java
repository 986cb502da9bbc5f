package io.nopesight.correlation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Page;

/**
 * Reads incidents and lets people correct them. Every correction is kept: merges and moves become labelled
 * pairs of events the correlator learns from.
 */
public interface Incidents {

	Page<Incident> list(IncidentQuery query);

	IncidentDetail get(String id);

	/**
	 * Acknowledges or resolves an incident, and its events with it; a resolved incident takes no new events.
	 * @throws io.nopesight.core.ConflictException when the move is not allowed, saying why
	 */
	IncidentDetail changeStatus(String id, IncidentStatus status, @Nullable String comment, String actor);

	/**
	 * Moves the events of {@code others} into {@code targetId}; the others become {@code merged}.
	 */
	IncidentDetail merge(String targetId, List<String> others, String actor);

	/**
	 * Moves one event into {@code targetId}, or into a new incident of its own when {@code targetId} is null.
	 * @return the incident the event is in now
	 */
	IncidentDetail moveEvent(String eventId, @Nullable String targetId, String actor);

}
