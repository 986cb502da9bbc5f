package io.nopesight.core.access;

import io.nopesight.core.NotFoundException;

/**
 * Thrown when no live service account has the given id.
 */
public class ServiceAccountNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public ServiceAccountNotFoundException(String id) {
		super("Service account '" + id + "' not found");
	}

}
