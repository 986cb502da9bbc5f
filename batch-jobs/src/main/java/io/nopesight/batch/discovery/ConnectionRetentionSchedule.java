package io.nopesight.batch.discovery;

import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nopesight.core.scheduling.RecurringJobs;

/**
 * Schedules the daily drop of process connections past their retention
 * ({@code nopesight.discovery.connection-retention-cron}, a Quartz cron expression, default 03:30 UTC;
 * {@code -} turns it off).
 */
@Component
class ConnectionRetentionSchedule {

	static final String NAME = "connection-retention";

	private final RecurringJobs recurringJobs;

	private final String cron;

	ConnectionRetentionSchedule(RecurringJobs recurringJobs,
			@Value("${nopesight.discovery.connection-retention-cron:0 30 3 * * ?}") String cron) {
		this.recurringJobs = recurringJobs;
		this.cron = cron;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		this.recurringJobs.schedule(NAME, ConnectionRetentionRun.class, this.cron, ZoneOffset.UTC);
	}

}
