package io.nopesight.batch.metric;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the import completed or failed when its job ends, and removes the file of a completed one. A
 * job cut short because the application is shutting down is left {@code running}: its heartbeat stops
 * and the next node to start (or any other) takes it over and resumes it, as after a crash.
 */
@Component
class MetricImportListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(MetricImportListener.class);

	private final JdbcMetricImportRepository imports;

	private final MetricImportFiles files;

	private volatile boolean closing;

	MetricImportListener(JdbcMetricImportRepository imports, MetricImportFiles files) {
		this.imports = imports;
		this.files = files;
	}

	@EventListener(ContextClosedEvent.class)
	void closing() {
		this.closing = true;
	}

	@Override
	public void afterJob(JobExecution execution) {
		String id = execution.getJobParameters().getString("importId");
		if (id == null) {
			return;
		}
		if (this.closing && execution.getStatus() != BatchStatus.COMPLETED) {
			logger.info("Metric import {} interrupted by shutdown; it resumes on the next start", id);
			return;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.imports.finish(id, "completed", null);
			this.imports.find(id).ifPresent((stored) -> this.files.delete(stored.file()));
			logger.info("Metric import {} completed", id);
		}
		else if (execution.getStatus() != BatchStatus.STOPPED) {
			String error = execution.getAllFailureExceptions()
				.stream()
				.map(MetricImportListener::describe)
				.collect(Collectors.joining("; "));
			this.imports.finish(id, "failed", error.isEmpty() ? execution.getExitStatus().getExitDescription() : error);
			logger.warn("Metric import {} failed: {}", id, error);
		}
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root.getMessage() + ")";
	}

}
