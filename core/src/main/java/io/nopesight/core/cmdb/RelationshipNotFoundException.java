package io.nopesight.core.cmdb;

import io.nopesight.core.NotFoundException;

/**
 * No relationship has the given id.
 */
public class RelationshipNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public RelationshipNotFoundException(String id) {
		super("Relationship '" + id + "' not found");
	}

}
