package io.nopesight.correlation;

import java.util.List;

import io.nopesight.core.Page;

/**
 * Takes events in and answers for them. Intake acknowledges at once: the event is stored (or counted on the
 * open event it duplicates) and {@code event.created} is in the outbox when this returns; the correlator
 * places it in an incident right after.
 */
public interface Events {

	/**
	 * Stores a new event, or counts it on the open or acknowledged event it duplicates (same {@code source} and
	 * {@code sourceId}, or same fingerprint: the one given, or, for an event without a {@code sourceId}, its
	 * source, CIs and title with numbers left out).
	 * @throws io.nopesight.core.InvalidInputException naming each field that is wrong
	 */
	EventIntake submit(NewEvent event, String actor);

	/**
	 * Takes many events in one transaction, all or none, as {@link #submit} takes one each; errors name the
	 * event by its position ({@code [3].severity}).
	 */
	List<EventIntake> submitAll(List<NewEvent> events, String actor);

	Event get(String id);

	List<EventStatusChange> history(String id);

	Page<Event> list(EventQuery query);

	/**
	 * Moves an event to {@code status} ({@code acknowledged} or {@code resolved}, or back to {@code open} from
	 * acknowledged); resolving the last unresolved event of an incident resolves the incident.
	 * @throws io.nopesight.core.ConflictException when the move is not allowed, saying why
	 */
	Event changeStatus(String id, EventStatus status, String comment, String actor);

	/**
	 * The events correlated with this one, best first, with why, and the likely root cause of its incident.
	 */
	EventCorrelations correlations(String id);

}
