package io.nopesight.batch.discovery;

import java.time.ZoneOffset;

import org.springframework.batch.core.configuration.annotation.StepScope;
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

import io.nopesight.batch.StopWhenInterrupted;
import io.nopesight.core.discovery.DiscoveryReconciliation;
import io.nopesight.core.discovery.DiscoveryScan;
import io.nopesight.core.discovery.DiscoveryScans;
import io.nopesight.core.discovery.ProcessConnections;
import io.nopesight.core.discovery.ScanPayload;
import io.nopesight.core.discovery.ScanType;
import io.nopesight.core.scheduling.RecurringJob;

/**
 * The discovery job of one scan ({@code scanId} parameter): reconcile its hosts in chunks, then, for a
 * process scan, store the connections under the host's CI and infer dependencies; {@link ScanWorkHandler}
 * runs it and records the outcome on the scan. Also the daily schedule of the connections' retention.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryScanJobConfiguration {

	static final String JOB = "discoveryScanJob";

	static final String SCAN_ID = "scanId";

	@Bean
	RecurringJob connectionRetentionSchedule(
			@Value("${nopesight.discovery.connection-retention-cron:0 30 3 * * ?}") String cron) {
		return new RecurringJob(ConnectionRetentionRun.SCHEDULE, ConnectionRetentionRun.class, cron, ZoneOffset.UTC);
	}

	@Bean
	Job discoveryScanJob(JobRepository jobRepository, Step discoveryReconcileStep, Step discoveryConnectionsStep) {
		return new JobBuilder(JOB, jobRepository).start(discoveryReconcileStep).next(discoveryConnectionsStep).build();
	}

	@Bean
	Step discoveryReconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ScanHostReader scanHostReader, ScanHostWriter scanHostWriter,
			@Value("${nopesight.discovery.chunk-size:2000}") int chunkSize) {
		return new StepBuilder("discoveryReconcileStep", jobRepository)
			.<IndexedHost, IndexedHost>chunk(chunkSize)
			.transactionManager(transactionManager)
			.interruptionPolicy(new StopWhenInterrupted())
			.reader(scanHostReader)
			.writer(scanHostWriter)
			.build();
	}

	@Bean
	@StepScope
	ScanHostReader scanHostReader(ParsedScans parsed, @Value("#{jobParameters['scanId']}") String scanId) {
		return new ScanHostReader(parsed, scanId);
	}

	@Bean
	@StepScope
	ScanHostWriter scanHostWriter(DiscoveryReconciliation reconciliation, DiscoveryScans scans,
			@Value("#{jobParameters['scanId']}") String scanId) {
		return new ScanHostWriter(reconciliation, scans.get(scanId));
	}

	@Bean
	Step discoveryConnectionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DiscoveryScans scans, ParsedScans parsed, DiscoveryReconciliation reconciliation,
			ProcessConnections connections) {
		return new StepBuilder("discoveryConnectionsStep", jobRepository).tasklet((contribution, context) -> {
			String scanId = context.getStepContext().getStepExecution().getJobParameters().getString(SCAN_ID);
			DiscoveryScan scan = scans.get(scanId);
			if (scan.scanType() == ScanType.PROCESS) {
				ScanPayload payload = parsed.of(scanId);
				reconciliation.ciOf(payload.hosts().get(0)).ifPresent((ciId) -> {
					connections.record(scanId, ciId, payload.connections(), payload.listening(), scan.scannedAt());
					connections.inferDependencies(ciId);
				});
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
