package io.nopesight.core.discovery;

import io.nopesight.core.NotFoundException;

/**
 * No scan with the given id.
 */
public class ScanNotFoundException extends NotFoundException {

	public ScanNotFoundException(String id) {
		super("Scan '" + id + "' not found");
	}

}
