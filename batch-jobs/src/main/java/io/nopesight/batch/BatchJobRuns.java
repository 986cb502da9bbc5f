package io.nopesight.batch;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs the Spring Batch job of a work item on the calling worker thread: starts it the first time,
 * restarts it after a failure or a stop (from its last committed chunk), and first recovers an execution
 * still marked running. Only the node holding the item's lease calls this, so such an execution belongs to
 * a node that died or let the item go, and no one else is running it.
 */
@Component
public class BatchJobRuns {

	private static final Logger logger = LoggerFactory.getLogger(BatchJobRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	BatchJobRuns(JobOperator jobOperator, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	// Spring Batch creates job instances in serialisable transactions, and two nodes creating theirs at the same
	// moment can fail PostgreSQL's check (40001). Nothing was written then, so the call is simply made again.
	private static final RetryTemplate TRANSIENT_FAILURES = new RetryTemplate(RetryPolicy.builder()
		.predicate(BatchJobRuns::transientDatabaseFailure)
		.maxRetries(6)
		.delay(Duration.ofMillis(50))
		.multiplier(2)
		.jitter(Duration.ofMillis(50))
		.build());

	public JobExecution run(Job job, JobParameters parameters) throws Exception {
		try {
			return TRANSIENT_FAILURES.execute(() -> runOnce(job, parameters));
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			throw (last instanceof Exception failure) ? failure : ex;
		}
	}

	/**
	 * A failure the database would not repeat: a serialisation failure or a deadlock, which roll the transaction
	 * back whole.
	 */
	static boolean transientDatabaseFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
				return true;
			}
		}
		return false;
	}

	private JobExecution runOnce(Job job, JobParameters parameters) throws Exception {
		JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
		if (last == null) {
			return this.jobOperator.start(job, parameters);
		}
		if (last.getStatus() == BatchStatus.COMPLETED) {
			return last;
		}
		if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
			logger.info("Recovering {} execution {} cut off at {}", job.getName(), last.getId(), last.getStatus());
			last = this.jobOperator.recover(last);
		}
		return this.jobOperator.restart(last);
	}

	/**
	 * Why an execution did not complete: the database's (or parser's) own words, not a wrapper's.
	 */
	public static String failureOf(JobExecution execution) {
		return execution.getAllFailureExceptions()
			.stream()
			.map((ex) -> NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
			.filter((message) -> message != null && !message.isBlank())
			.findFirst()
			.orElse("Job ended " + execution.getStatus());
	}

	/**
	 * Whether the execution ended because its worker was told to stop (the node is shutting down), so it
	 * should be resumed rather than reported as failed.
	 */
	public static boolean interrupted(JobExecution execution) {
		return execution.getStatus() == BatchStatus.STOPPED || Thread.currentThread().isInterrupted();
	}

}
