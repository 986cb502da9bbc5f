package io.nopesight.core;

/**
 * Thrown when a write would break a uniqueness rule; the API answers 409 {@code CONFLICT}.
 */
public class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ConflictException(String message) {
		super(message);
	}

}
