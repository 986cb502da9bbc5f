package io.nopesight.core.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@link DataSource}: the pool, except that while the database is known to be down a
 * connection is refused at once, and a failure to get one marks it down.
 */
final class AvailabilityGuardedDataSource extends DelegatingDataSource {

	private final DatabaseAvailability availability;

	AvailabilityGuardedDataSource(DataSource pool, DatabaseAvailability availability) {
		super(pool);
		this.availability = availability;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (!this.availability.isAvailable()) {
			throw this.availability.unavailable();
		}
		try {
			return obtainTargetDataSource().getConnection();
		}
		catch (SQLException ex) {
			if (ConnectionFailures.isConnectionFailure(ex)) {
				this.availability.connectionFailed(ex);
			}
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("Connections are only given out with the configured credentials");
	}

}
