package io.nopesight.core.access;

import io.nopesight.core.NotFoundException;

/**
 * Thrown when no token of the asked kind has the given id.
 */
public class TokenNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public TokenNotFoundException(String id) {
		super("Token '" + id + "' not found");
	}

}
