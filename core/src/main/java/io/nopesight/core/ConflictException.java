package io.nopesight.core;

/**
 * Thrown when a write would break a uniqueness rule; the API answers 409 {@code CONFLICT}.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
