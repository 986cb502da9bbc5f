package io.nopesight.reporting;

import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import io.nopesight.core.scheduling.RecurringJob;

/**
 * Reporting's settings, its SMTP defaults ({@code nopesight-reporting.properties}, lowest precedence: time-outs
 * so a server that does not answer cannot hold the sender, STARTTLS when the server offers it) and its two
 * recurring jobs: the look for due schedules and the removal of expired reports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingSettings.class)
@PropertySource("classpath:nopesight-reporting.properties")
class ReportingConfiguration {

	@Bean
	RecurringJob reportScheduleRuns(ReportingSettings settings) {
		return new RecurringJob(DueScheduleRuns.SCHEDULE, DueScheduleRuns.class, settings.scheduleCron(),
				ZoneOffset.UTC);
	}

	@Bean
	RecurringJob expiredReportRemoval(ReportingSettings settings) {
		return new RecurringJob(ExpiredReports.SCHEDULE, ExpiredReports.Run.class, settings.cleanupCron(),
				ZoneOffset.UTC);
	}

}
