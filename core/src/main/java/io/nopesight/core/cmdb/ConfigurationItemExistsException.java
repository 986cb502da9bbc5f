package io.nopesight.core.cmdb;

import io.nopesight.core.ConflictException;

/**
 * A configuration item of that type and name exists already.
 */
public class ConfigurationItemExistsException extends ConflictException {

	private static final long serialVersionUID = 1L;

	ConfigurationItemExistsException(String message) {
		super(message);
	}

}
