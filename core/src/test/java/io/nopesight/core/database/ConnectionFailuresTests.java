package io.nopesight.core.database;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFailuresTests {

	@Test
	void isConnectionFailureWhenARollbackFailedOnTheConnectionThePoolClosedIsTrue() {
		// as Spring throws it when the server died during a commit: the rollback's failure alone
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(ConnectionFailures.isConnectionFailure(rollback)).isTrue();
	}

	@Test
	void isConnectionFailureWhenTheServerIsShuttingDownIsTrue() {
		assertThat(ConnectionFailures.isConnectionFailure(new DataAccessResourceFailureException("JDBC commit",
				new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
	}

	@Test
	void isConnectionFailureWhenTheStatementIsWrongIsFalse() {
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new SQLException("Connection refused by policy")))
			.isFalse();
	}

}
