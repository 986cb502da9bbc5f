package io.nopesight.reporting;

import java.time.Clock;
import java.util.List;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the files of reports past their {@code expires_at} ({@code nopesight.reporting.retention} after
 * they completed): the reports become {@code expired} (their rows stay, for the list), their pieces go, and
 * deliveries still pending fail.
 */
@Component
class ExpiredReports {

	static final String SCHEDULE = "report-cleanup";

	private static final Logger logger = LoggerFactory.getLogger(ExpiredReports.class);

	private static final int BATCH = 100;

	private final JdbcReportRepository reports;

	private final JdbcDeliveryRepository deliveries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ExpiredReports(JdbcReportRepository reports, JdbcDeliveryRepository deliveries, TransactionTemplate transaction,
			Clock clock) {
		this.reports = reports;
		this.deliveries = deliveries;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Removes what has expired, a batch per transaction, and answers how many reports.
	 */
	int remove() {
		int removed = 0;
		List<String> batch;
		do {
			batch = this.transaction.execute((status) -> {
				List<String> ids = this.reports.expire(this.clock.instant(), BATCH);
				this.reports.deletePieces(ids);
				this.deliveries.giveUp(ids, "the report expired before it could be sent");
				return ids;
			});
			removed += (batch != null) ? batch.size() : 0;
		}
		while (batch != null && batch.size() == BATCH);
		if (removed > 0) {
			logger.info("Removed the files of {} expired report(s)", removed);
		}
		return removed;
	}

	/**
	 * The schedule's fire ({@code nopesight.reporting.cleanup-cron}, hourly).
	 */
	@DisallowConcurrentExecution
	static class Run extends QuartzJobBean {

		private final ExpiredReports expired;

		Run(ExpiredReports expired) {
			this.expired = expired;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.expired.remove();
		}

	}

}
