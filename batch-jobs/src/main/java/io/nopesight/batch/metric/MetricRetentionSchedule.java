package io.nopesight.batch.metric;

import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nopesight.core.scheduling.RecurringJobs;

/**
 * Schedules the retention job daily ({@code nopesight.metrics.retention-cron}, a Quartz cron expression,
 * default 03:15 UTC; {@code -} turns it off). The schedule lives in the clustered Quartz store, so with
 * several nodes one of them runs it.
 */
@Component
class MetricRetentionSchedule {

	static final String NAME = "metric-retention";

	private final RecurringJobs recurringJobs;

	private final String cron;

	MetricRetentionSchedule(RecurringJobs recurringJobs,
			@Value("${nopesight.metrics.retention-cron:0 15 3 * * ?}") String cron) {
		this.recurringJobs = recurringJobs;
		this.cron = cron;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		this.recurringJobs.schedule(NAME, MetricRetentionRun.class, this.cron, ZoneOffset.UTC);
	}

}
