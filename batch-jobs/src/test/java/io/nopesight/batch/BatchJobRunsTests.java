package io.nopesight.batch;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of a job's start are tried again: those PostgreSQL rolls back whole and would not repeat.
 */
class BatchJobRunsTests {

	@Test
	void transientDatabaseFailureWhenSerialisationOrDeadlockAnywhereInTheChainIsTrue() {
		// what two nodes creating job instances at once got (translated, and as the driver reports it)
		assertThat(BatchJobRuns.transientDatabaseFailure(new PessimisticLockingFailureException("INSERT INTO "
				+ "BATCH_JOB_INSTANCE", new SQLException("could not serialize access", "40001")))).isTrue();
		assertThat(BatchJobRuns.transientDatabaseFailure(new IllegalStateException("job start",
				new UncategorizedSQLException("insert", "INSERT", new SQLException("could not serialize", "40001")))))
			.isTrue();
		assertThat(BatchJobRuns.transientDatabaseFailure(new SQLException("deadlock detected", "40P01"))).isTrue();
	}

	@Test
	void transientDatabaseFailureWhenTheFailureWouldRepeatIsFalse() {
		assertThat(BatchJobRuns.transientDatabaseFailure(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(BatchJobRuns.transientDatabaseFailure(new IllegalArgumentException("bad parameters"))).isFalse();
		assertThat(BatchJobRuns.transientDatabaseFailure(new SQLException("no state"))).isFalse();
	}

}
