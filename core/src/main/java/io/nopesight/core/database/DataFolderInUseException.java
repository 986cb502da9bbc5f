package io.nopesight.core.database;

import java.io.Serial;
import java.nio.file.Path;

/**
 * Another live process holds the data folder this start was given.
 */
public class DataFolderInUseException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Path folder;

	private final String holder;

	DataFolderInUseException(Path folder, String holder) {
		super("The data folder " + folder + " is in use by another NopeSight process: " + holder);
		this.folder = folder;
		this.holder = holder;
	}

	public Path folder() {
		return this.folder;
	}

	public String holder() {
		return this.holder;
	}

}
