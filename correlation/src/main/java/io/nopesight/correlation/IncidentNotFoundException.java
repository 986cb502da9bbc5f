package io.nopesight.correlation;

import io.nopesight.core.NotFoundException;

/**
 * No incident has that id.
 */
public class IncidentNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public IncidentNotFoundException(String id) {
		super("Incident " + id + " not found");
	}

}
