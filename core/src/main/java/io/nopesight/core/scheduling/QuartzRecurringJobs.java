package io.nopesight.core.scheduling;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Recurring jobs in Quartz. The defaults in {@code nopesight-scheduling.properties} (lowest precedence, so
 * {@code spring.quartz.*} settings override them) put the job store in PostgreSQL (tables by Flyway, V10)
 * and cluster it.
 */
@Service
@PropertySource("classpath:nopesight-scheduling.properties")
class QuartzRecurringJobs implements RecurringJobs {

	static final String GROUP = "nopesight";

	private static final Logger logger = LoggerFactory.getLogger(QuartzRecurringJobs.class);

	private final Scheduler scheduler;

	private final List<RecurringJob> declared;

	QuartzRecurringJobs(Scheduler scheduler, List<RecurringJob> declared) {
		this.scheduler = scheduler;
		this.declared = List.copyOf(declared);
	}

	// once the application is up (schema migrated, scheduler started); a bad cron fails the start with its message
	@EventListener(ApplicationReadyEvent.class)
	void scheduleDeclared() {
		this.declared.forEach((job) -> schedule(job.name(), job.job(), job.cron(), job.zone()));
	}

	@Override
	public void schedule(String name, Class<? extends Job> job, String cron, ZoneId zone) {
		JobKey key = JobKey.jobKey(name, GROUP);
		String expression = cron.strip();
		try {
			if (DISABLED.equals(expression)) {
				if (this.scheduler.deleteJob(key)) {
					logger.info("Schedule of {} removed", name);
				}
				return;
			}
			JobDetail detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(name, GROUP)
				.forJob(detail)
				.withSchedule(CronScheduleBuilder.cronScheduleNonvalidatedExpression(validated(name, expression))
					.inTimeZone(TimeZone.getTimeZone(zone))
					.withMisfireHandlingInstructionFireAndProceed())
				.build();
			this.scheduler.scheduleJob(detail, Set.of(trigger), true);
			logger.info("{} runs on cron '{}' ({}), next at {}", name, expression, zone,
					this.scheduler.getTrigger(trigger.getKey()).getNextFireTime().toInstant());
		}
		catch (SchedulerException | ParseException ex) {
			throw new IllegalStateException("Could not schedule " + name, ex);
		}
	}

	private static String validated(String name, String cron) {
		try {
			CronExpression.validateExpression(cron);
			return cron;
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("The schedule of " + name + " is not a Quartz cron expression ('"
					+ cron + "': " + ex.getMessage() + "); e.g. '0 15 3 * * ?' is 03:15 every day, '-' turns it off",
					ex);
		}
	}

}
