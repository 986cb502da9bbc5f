package io.nopesight.batch.metric;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention job every day ({@code nopesight.metrics.retention-cron}, default 03:15 UTC).
 */
@Component
class MetricRetentionSchedule {

	private static final Logger logger = LoggerFactory.getLogger(MetricRetentionSchedule.class);

	private final JobOperator jobOperator;

	private final Job metricRetentionJob;

	MetricRetentionSchedule(JobOperator jobOperator, @Qualifier("metricRetentionJob") Job metricRetentionJob) {
		this.jobOperator = jobOperator;
		this.metricRetentionJob = metricRetentionJob;
	}

	@Scheduled(cron = "${nopesight.metrics.retention-cron:0 15 3 * * *}", zone = "UTC")
	void enforceRetention() {
		try {
			this.jobOperator.start(this.metricRetentionJob,
					new JobParametersBuilder().addString("runAt", Instant.now().toString()).toJobParameters());
		}
		catch (Exception ex) {
			logger.error("The metric retention job could not run", ex);
		}
	}

}
