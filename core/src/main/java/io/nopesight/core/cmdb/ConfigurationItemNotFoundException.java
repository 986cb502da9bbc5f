package io.nopesight.core.cmdb;

import io.nopesight.core.NotFoundException;

/**
 * No configuration item has the given id.
 */
public class ConfigurationItemNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public ConfigurationItemNotFoundException(String id) {
		super("Configuration item '" + id + "' not found");
	}

}
