package io.nopesight.batch.discovery;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

import io.nopesight.batch.BatchJobRuns;
import io.nopesight.core.discovery.DiscoveryScans;
import io.nopesight.core.work.WorkHandler;
import io.nopesight.core.work.WorkItem;

/**
 * Runs a queued scan's discovery job, one scan at a time per node, in submission order, and records the
 * outcome on the scan. A run cut off by a crash or a shutdown is taken up again (here or on another node)
 * and goes on from its last committed chunk.
 */
@Component
class ScanWorkHandler implements WorkHandler {

	private final BatchJobRuns runs;

	private final Job job;

	private final DiscoveryScans scans;

	private final ParsedScans parsed;

	ScanWorkHandler(BatchJobRuns runs, Job discoveryScanJob, DiscoveryScans scans, ParsedScans parsed) {
		this.runs = runs;
		this.job = discoveryScanJob;
		this.scans = scans;
		this.parsed = parsed;
	}

	@Override
	public String kind() {
		return DiscoveryScans.WORK_KIND;
	}

	@Override
	public void perform(WorkItem item) throws Exception {
		String scanId = item.subjectId();
		this.scans.started(scanId);
		try {
			JobExecution execution = this.runs.run(this.job,
					new JobParametersBuilder().addString(DiscoveryScanJobConfiguration.SCAN_ID, scanId).toJobParameters());
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				this.scans.completed(scanId);
				return;
			}
			if (BatchJobRuns.interrupted(execution)) {
				throw new InterruptedException("The discovery job of scan " + scanId + " was stopped");
			}
			throw new IllegalStateException(BatchJobRuns.failureOf(execution));
		}
		finally {
			this.parsed.forget(scanId);
		}
	}

	@Override
	public void failed(WorkItem item, String error) {
		this.scans.failed(item.subjectId(), error);
	}

}
