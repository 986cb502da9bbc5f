package io.nopesight.correlation;

import io.nopesight.core.NotFoundException;

/**
 * No event has that id.
 */
public class EventNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public EventNotFoundException(String id) {
		super("Event " + id + " not found");
	}

}
