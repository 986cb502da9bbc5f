package io.nopesight.correlation.service;

import io.nopesight.core.NotFoundException;

/**
 * No service has that id.
 */
public class ServiceNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public ServiceNotFoundException(String id) {
		super("Service " + id + " not found");
	}

}
