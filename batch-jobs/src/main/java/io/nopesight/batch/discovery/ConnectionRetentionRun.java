package io.nopesight.batch.discovery;

import java.time.Instant;
import java.util.List;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

import io.nopesight.core.discovery.ProcessConnections;

/**
 * One scheduled fire of the connection retention: drops the days of process connections older than
 * {@code nopesight.discovery.connection-retention} (default 90 days) before the fire time. One statement drops
 * them all, so no batch job around it; inferred relationships stay. Scheduled daily
 * ({@code nopesight.discovery.connection-retention-cron}, Quartz syntax, default 03:30 UTC; {@code -} turns it
 * off).
 */
@DisallowConcurrentExecution
class ConnectionRetentionRun extends QuartzJobBean {

	static final String SCHEDULE = "connection-retention";

	private static final Logger logger = LoggerFactory.getLogger(ConnectionRetentionRun.class);

	private final ProcessConnections connections;

	ConnectionRetentionRun(ProcessConnections connections) {
		this.connections = connections;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		Instant at = context.getFireTime().toInstant();
		List<String> dropped = this.connections.dropExpired(at);
		logger.info("Connection retention at {} dropped {} partitions {}", at, dropped.size(), dropped);
	}

}
