package io.nopesight.core.cmdb;

import io.nopesight.core.NotFoundException;

/**
 * No relationship has the given id.
 */
public class RelationshipNotFoundException extends NotFoundException {

	public RelationshipNotFoundException(String id) {
		super("Relationship '" + id + "' not found");
	}

}
