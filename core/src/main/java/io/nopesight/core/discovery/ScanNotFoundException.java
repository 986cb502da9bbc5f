package io.nopesight.core.discovery;

import io.nopesight.core.NotFoundException;

/**
 * No scan with the given id.
 */
public class ScanNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	public ScanNotFoundException(String id) {
		super("Scan '" + id + "' not found");
	}

}
