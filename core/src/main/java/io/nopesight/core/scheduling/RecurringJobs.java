package io.nopesight.core.scheduling;

import java.time.ZoneId;

import org.quartz.Job;

/**
 * Registers recurring jobs with the clustered scheduler: the {@link RecurringJob} beans when the application
 * is ready, and any others through {@link #schedule}. A job class is instantiated per run with its
 * constructor's dependencies injected from the application context.
 */
public interface RecurringJobs {

	/**
	 * What turns a schedule off: {@code nopesight.x.cron=-}.
	 */
	String DISABLED = "-";

	/**
	 * Stores the schedule of {@code name}, replacing any earlier one, or removes it when {@code cron} is
	 * {@link #DISABLED}. A run missed while no node was up happens once at the next start.
	 * @param cron a Quartz cron expression: seconds, minutes, hours, day of month, month, day of week (one of
	 * the two days fields {@code ?}), optional year
	 * @throws IllegalArgumentException when {@code cron} is not a valid Quartz cron expression
	 */
	void schedule(String name, Class<? extends Job> job, String cron, ZoneId zone);

}
