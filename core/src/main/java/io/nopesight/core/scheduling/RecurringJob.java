package io.nopesight.core.scheduling;

import java.time.ZoneId;

import org.quartz.Job;

/**
 * A recurring job a module declares as a bean; each is {@link RecurringJobs#schedule scheduled} when the
 * application is ready.
 * @param cron a Quartz cron expression, or {@link RecurringJobs#DISABLED}
 */
public record RecurringJob(String name, Class<? extends Job> job, String cron, ZoneId zone) {
}
