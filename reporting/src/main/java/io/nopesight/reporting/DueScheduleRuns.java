package io.nopesight.reporting;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One look for due schedules ({@code nopesight.reporting.schedule-cron}, every minute): queues a report for
 * each, one transaction per schedule, up to a bound so one look cannot run forever. Clustered, so one node
 * looks at a time; and a look missed while every node was down happens once at start-up (Quartz's
 * fire-and-proceed misfire policy, which {@code RecurringJobs} gives every job).
 */
@DisallowConcurrentExecution
class DueScheduleRuns extends QuartzJobBean {

	static final String SCHEDULE = "report-schedules";

	private static final Logger logger = LoggerFactory.getLogger(DueScheduleRuns.class);

	private static final int MAX_RUNS = 1000;

	private final DefaultReportSchedules schedules;

	DueScheduleRuns(DefaultReportSchedules schedules) {
		this.schedules = schedules;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		int runs = 0;
		while (runs < MAX_RUNS && this.schedules.runNextDue()) {
			runs++;
		}
		if (runs > 0) {
			logger.info("Queued the reports of {} due schedule(s)", runs);
		}
	}

}
