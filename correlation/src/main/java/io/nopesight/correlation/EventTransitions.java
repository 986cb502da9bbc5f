package io.nopesight.correlation;

import io.nopesight.core.ConflictException;

/**
 * The moves an event's status may make: {@code open} to {@code acknowledged} or {@code resolved},
 * {@code acknowledged} to {@code resolved} or back to {@code open}; {@code resolved} is final, as a
 * recurrence is a new event.
 */
final class EventTransitions {

	private EventTransitions() {
	}

	static void check(String id, EventStatus from, EventStatus to) {
		if (from == to) {
			throw new ConflictException("Event " + id + " is already " + from.value());
		}
		if (from == EventStatus.RESOLVED) {
			throw new ConflictException("Event " + id + " is resolved, which is final: if it happens again, report a "
					+ "new event");
		}
	}

}
