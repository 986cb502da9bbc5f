package io.nopesight.core.cmdb;

import io.nopesight.core.ConflictException;

/**
 * A relationship of that type already links the same two configuration items.
 */
public class RelationshipExistsException extends ConflictException {

	private static final long serialVersionUID = 1L;

	RelationshipExistsException(String message) {
		super(message);
	}

}
