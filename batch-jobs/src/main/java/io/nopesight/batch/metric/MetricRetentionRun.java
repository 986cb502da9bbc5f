package io.nopesight.batch.metric;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One scheduled fire of the retention: starts the Spring Batch retention job with the fire time as its
 * identifying parameter. Never two at once across the cluster.
 */
@DisallowConcurrentExecution
class MetricRetentionRun extends QuartzJobBean {

	private static final Logger logger = LoggerFactory.getLogger(MetricRetentionRun.class);

	private final JobOperator jobOperator;

	private final Job metricRetentionJob;

	MetricRetentionRun(JobOperator jobOperator, @Qualifier("metricRetentionJob") Job metricRetentionJob) {
		this.jobOperator = jobOperator;
		this.metricRetentionJob = metricRetentionJob;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		try {
			this.jobOperator.start(this.metricRetentionJob, new JobParametersBuilder()
				.addString("runAt", context.getFireTime().toInstant().toString())
				.toJobParameters());
		}
		catch (Exception ex) {
			logger.error("The metric retention job could not run", ex);
			throw new JobExecutionException(ex);
		}
	}

}
