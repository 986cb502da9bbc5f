package io.nopesight.batch.metric;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.nopesight.core.metric.MetricStore;
import io.nopesight.core.scheduling.RecurringJob;

/**
 * The retention job: drops sample and roll-up partitions past their retention. A Quartz schedule starts it
 * daily ({@code nopesight.metrics.retention-cron}, a Quartz cron expression, default 03:15 UTC; {@code -} turns
 * it off), through {@link MetricRetentionRun}; the fire time is its identifying parameter.
 */
@Configuration(proxyBeanMethods = false)
class MetricRetentionJobConfiguration {

	static final String SCHEDULE = "metric-retention";

	private static final Logger logger = LoggerFactory.getLogger(MetricRetentionJobConfiguration.class);

	@Bean
	RecurringJob metricRetentionSchedule(@Value("${nopesight.metrics.retention-cron:0 15 3 * * ?}") String cron) {
		return new RecurringJob(SCHEDULE, MetricRetentionRun.class, cron, ZoneOffset.UTC);
	}

	@Bean
	Job metricRetentionJob(JobRepository jobRepository, Step metricRetentionStep) {
		return new JobBuilder("metricRetentionJob", jobRepository).start(metricRetentionStep).build();
	}

	@Bean
	Step metricRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MetricStore store) {
		return new StepBuilder("metricRetentionStep", jobRepository).tasklet((contribution, context) -> {
			Object runAt = context.getStepContext().getJobParameters().get("runAt");
			Instant now = (runAt instanceof String text) ? Instant.parse(text) : Instant.now();
			List<String> dropped = store.dropExpired(now);
			contribution.incrementWriteCount(dropped.size());
			logger.info("Metric retention at {} dropped {} partitions {}", now, dropped.size(), dropped);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
