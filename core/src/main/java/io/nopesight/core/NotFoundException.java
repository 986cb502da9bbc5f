package io.nopesight.core;

/**
 * Thrown when a requested resource does not exist; the API answers 404 {@code RESOURCE_NOT_FOUND}.
 */
public class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NotFoundException(String message) {
		super(message);
	}

}
