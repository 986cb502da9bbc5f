package io.nopesight.core;

import java.util.List;

/**
 * Thrown when input breaks a domain rule; the API answers 400 {@code VALIDATION_ERROR} with the field
 * errors as details.
 */
public class InvalidInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? "Invalid request parameters" : errors.get(0).error());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String error) {
		this(List.of(new FieldError(field, error)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One rejected field and why.
	 */
	public record FieldError(String field, String error) {
	}

}
