package io.nopesight.batch;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * Stops a chunk-oriented step at the next chunk boundary once its thread is interrupted (the node is
 * shutting down), ending it {@code STOPPED} so it can be restarted. Spring Batch 6's own
 * {@code ThreadStepInterruptionPolicy} merely ends the chunk loop in its {@code ChunkOrientedStep}, which
 * then reports the step {@code COMPLETED} with the rest of its items never read; marking the execution
 * terminate-only makes the step report the stop.
 */
public final class StopWhenInterrupted implements StepInterruptionPolicy {

	@Override
	public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
		if (Thread.currentThread().isInterrupted() || stepExecution.isTerminateOnly()) {
			stepExecution.setTerminateOnly();
			throw new JobInterruptedException("Step " + stepExecution.getStepName() + " interrupted");
		}
	}

}
