package io.nopesight.batch.discovery;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.nopesight.core.discovery.DiscoveryScans;

/**
 * One discovery job at a time, on its own thread, in submission order. A job that was running when the
 * process died (still marked as started) is recovered and restarted from its last committed chunk.
 */
@Service
class DefaultScanJobs implements ScanJobs {

	private static final Logger logger = LoggerFactory.getLogger(DefaultScanJobs.class);

	private static final Set<BatchStatus> DEAD_IF_FOUND_AT_START = Set.of(BatchStatus.STARTING, BatchStatus.STARTED,
			BatchStatus.STOPPING, BatchStatus.UNKNOWN);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final DiscoveryScans scans;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "discovery-job");
		thread.setDaemon(true);
		return thread;
	});

	DefaultScanJobs(JobOperator jobOperator, JobRepository jobRepository, Job discoveryScanJob, DiscoveryScans scans) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = discoveryScanJob;
		this.scans = scans;
	}

	@Override
	public void start(String scanId) {
		this.executor.submit(() -> run(scanId, false));
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		for (String scanId : this.scans.unfinished()) {
			this.executor.submit(() -> run(scanId, true));
		}
	}

	private void run(String scanId, boolean resuming) {
		try {
			JobParameters parameters = new JobParametersBuilder()
				.addString(DiscoveryScanJobConfiguration.SCAN_ID, scanId)
				.toJobParameters();
			JobExecution last = this.jobRepository.getLastJobExecution(DiscoveryScanJobConfiguration.JOB, parameters);
			if (last == null) {
				this.jobOperator.start(this.job, parameters);
			}
			else if (last.getStatus() == BatchStatus.COMPLETED) {
				this.scans.completed(scanId);
			}
			else {
				if (resuming && DEAD_IF_FOUND_AT_START.contains(last.getStatus())) {
					logger.info("Recovering discovery job of scan {} cut off at {}", scanId, last.getStatus());
					last = this.jobOperator.recover(last);
				}
				this.jobOperator.restart(last);
			}
		}
		catch (Exception ex) {
			logger.error("Discovery job of scan {} could not run", scanId, ex);
			this.scans.failed(scanId, String.valueOf(ex.getMessage()));
		}
	}

}
