package io.nopesight.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.NestedExceptionUtils;
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

	public JobExecution run(Job job, JobParameters parameters) throws Exception {
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
