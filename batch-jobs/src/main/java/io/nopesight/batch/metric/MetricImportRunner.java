package io.nopesight.batch.metric;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background and keeps them alive across crashes: a running import's row gets a
 * heartbeat every few seconds; an import whose heartbeat stopped (its node died) is claimed by the next
 * node that looks, which marks the dead job execution failed and restarts the job instance. The restart
 * resumes after the last committed chunk.
 */
@Component
class MetricImportRunner {

	private static final Logger logger = LoggerFactory.getLogger(MetricImportRunner.class);

	private final String node = UUID.randomUUID().toString();

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job metricImportJob;

	private final JdbcMetricImportRepository imports;

	private final MetricImportSettings settings;

	private final TaskExecutor executor;

	MetricImportRunner(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier("metricImportJob") Job metricImportJob, JdbcMetricImportRepository imports,
			MetricImportSettings settings, @Qualifier("metricImportExecutor") TaskExecutor executor) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.metricImportJob = metricImportJob;
		this.imports = imports;
		this.settings = settings;
		this.executor = executor;
	}

	String node() {
		return this.node;
	}

	void launch(String importId) {
		this.running.add(importId);
		this.executor.execute(() -> run(importId));
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${nopesight.metrics.import.recovery-interval:15000}", initialDelay = 5000)
	void takeOverAbandoned() {
		List<String> claimed = this.imports.claimAbandoned(this.node, this.settings.staleAfter());
		for (String id : claimed) {
			logger.info("Resuming metric import {}: the node that ran it stopped", id);
			launch(id);
		}
	}

	@Scheduled(fixedDelayString = "${nopesight.metrics.import.heartbeat-interval:5000}")
	void heartbeat() {
		this.imports.heartbeat(List.copyOf(this.running));
	}

	private void run(String importId) {
		try {
			JobParameters parameters = new JobParametersBuilder().addString("importId", importId).toJobParameters();
			JobExecution last = this.jobRepository.getLastJobExecution(MetricImportJobConfiguration.JOB_NAME,
					parameters);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				this.imports.finish(importId, "completed", null);
				return;
			}
			if (last != null && last.getStatus().isRunning()) {
				// the execution's node died mid-chunk: its uncommitted chunk rolled back with the connection
				this.jobOperator.recover(last);
			}
			this.jobOperator.start(this.metricImportJob, parameters);
		}
		catch (Exception ex) {
			logger.error("Metric import {} could not run", importId, ex);
			this.imports.finish(importId, "failed", "The import job could not run: " + ex.getMessage());
		}
		finally {
			this.running.remove(importId);
		}
	}

}
