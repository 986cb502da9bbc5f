package io.nopesight.batch.metric;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.nopesight.batch.BatchJobRuns;
import io.nopesight.core.work.WorkHandler;
import io.nopesight.core.work.WorkItem;

/**
 * Runs a queued import's job and records the outcome on the import; the file goes once the import has
 * completed. A run cut off by a crash or a shutdown is taken up again (here or on another node) and
 * resumes after its last committed chunk.
 */
@Component
class MetricImportWorkHandler implements WorkHandler {

	private static final Logger logger = LoggerFactory.getLogger(MetricImportWorkHandler.class);

	private final BatchJobRuns runs;

	private final Job job;

	private final JdbcMetricImportRepository imports;

	private final MetricImportContent content;

	private final MetricImportSettings settings;

	MetricImportWorkHandler(BatchJobRuns runs, @Qualifier("metricImportJob") Job metricImportJob,
			JdbcMetricImportRepository imports, MetricImportContent content, MetricImportSettings settings) {
		this.runs = runs;
		this.job = metricImportJob;
		this.imports = imports;
		this.content = content;
		this.settings = settings;
	}

	@Override
	public String kind() {
		return MetricImports.WORK_KIND;
	}

	@Override
	public int concurrency() {
		return this.settings.concurrency();
	}

	@Override
	public void perform(WorkItem item) throws Exception {
		String id = item.subjectId();
		JobExecution execution = this.runs.run(this.job,
				new JobParametersBuilder().addString(MetricImportJobConfiguration.IMPORT_ID, id).toJobParameters());
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.imports.finish(id, "completed", null);
			this.imports.find(id).ifPresent(this.content::delete);
			logger.info("Metric import {} completed", id);
			return;
		}
		if (BatchJobRuns.interrupted(execution)) {
			throw new InterruptedException("Metric import " + id + " was stopped");
		}
		String error = execution.getAllFailureExceptions()
			.stream()
			.map(MetricImportWorkHandler::describe)
			.collect(Collectors.joining("; "));
		error = error.isEmpty() ? execution.getExitStatus().getExitDescription() : error;
		throw new IllegalStateException(error);
	}

	@Override
	public void failed(WorkItem item, String error) {
		this.imports.finish(item.subjectId(), "failed", error);
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root.getMessage() + ")";
	}

}
