package io.nopesight.core.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database (no connection, a connection cut, the server shutting down) from
 * any other failure, wherever it surfaces and however it was wrapped.
 */
public final class ConnectionFailures {

	private ConnectionFailures() {
	}

	public static boolean isConnectionFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof CannotGetJdbcConnectionException || t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql))) {
				return true;
			}
			// a rollback that failed on the closed connection hides the commit's failure, which says why
			if (t instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
					&& isConnectionFailure(rollback.getOriginalException())) {
				return true;
			}
		}
		return false;
	}

	// the pool closes a connection the server cut and answers later calls on it without a state; a commit that
	// failed that way is rolled back on the closed connection, and Spring then throws the rollback's failure
	// alone, with the commit's (which had the state) only in the log
	private static boolean isClosedByPool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	// class 08: connection exception; 57P01-57P03: the server is shutting down, crashed or not yet accepting
	private static boolean isConnectionState(String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

}
