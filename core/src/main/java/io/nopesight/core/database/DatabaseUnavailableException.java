package io.nopesight.core.database;

import java.io.Serial;
import java.sql.SQLTransientConnectionException;

/**
 * Thrown at once, instead of waiting for a connection, while the database is known to be unreachable.
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

	@Serial
	private static final long serialVersionUID = 1L;

	DatabaseUnavailableException(String message) {
		super(message, "08001");
	}

}
