package io.nopesight.reporting;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Reporting ({@code nopesight.reporting.*}): how many reports a node renders at once ({@code workers}; 0 for a
 * node that only serves the API), how long a report is kept ({@code retention}), the first estimate of a
 * render before any has completed ({@code default-estimate}), the address links in e-mails start with
 * ({@code public-url}), the recipients one report may have ({@code max-recipients}), the Quartz crons that
 * remove expired reports and run due schedules, and e-mail delivery ({@code mail.*}). The SMTP server itself
 * is Spring's {@code spring.mail.*}.
 */
@ConfigurationProperties("nopesight.reporting")
record ReportingSettings(@Nullable Integer workers, @Nullable Duration retention, @Nullable Duration defaultEstimate,
		@Nullable String publicUrl, @Nullable Integer maxRecipients, @Nullable String cleanupCron,
		@Nullable String scheduleCron, @DefaultValue Mail mail) {

	ReportingSettings {
		workers = (workers != null) ? workers : 2;
		retention = (retention != null) ? retention : Duration.ofDays(7);
		defaultEstimate = (defaultEstimate != null) ? defaultEstimate : Duration.ofSeconds(30);
		publicUrl = (publicUrl != null && !publicUrl.isBlank()) ? publicUrl.strip() : "http://localhost:8080";
		maxRecipients = (maxRecipients != null && maxRecipients > 0) ? maxRecipients : 50;
		// hourly, off the hour; every minute, on it, so a schedule at 08:00 runs at 08:00
		cleanupCron = (cleanupCron != null) ? cleanupCron : "0 7 * * * ?";
		scheduleCron = (scheduleCron != null) ? scheduleCron : "0 * * * * ?";
		if (workers < 0) {
			throw new IllegalArgumentException("nopesight.reporting.workers must be 0 or more, not " + workers);
		}
	}

	/**
	 * E-mail delivery ({@code nopesight.reporting.mail.*}): the sender, the largest file that is attached
	 * rather than linked, how often a node looks for deliveries that are due, how long one attempt may hold a
	 * delivery before another node may try it, and the retries: the first after {@code retry-after}, each
	 * next twice as long up to {@code max-retry-after}, {@code max-attempts} in all.
	 */
	record Mail(@Nullable String from, @Nullable DataSize maxAttachmentSize, @Nullable Duration pollInterval,
			@Nullable Duration lease, @Nullable Duration retryAfter, @Nullable Duration maxRetryAfter,
			@Nullable Integer maxAttempts) {

		Mail {
			from = (from != null && !from.isBlank()) ? from.strip() : "NopeSight <nopesight@localhost>";
			maxAttachmentSize = (maxAttachmentSize != null) ? maxAttachmentSize : DataSize.ofMegabytes(10);
			pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
			lease = (lease != null) ? lease : Duration.ofMinutes(5);
			retryAfter = (retryAfter != null) ? retryAfter : Duration.ofMinutes(1);
			maxRetryAfter = (maxRetryAfter != null) ? maxRetryAfter : Duration.ofHours(1);
			maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 10;
		}

		/**
		 * How long to wait after the given number of failed attempts.
		 */
		Duration backoff(int failedAttempts) {
			Duration wait = this.retryAfter;
			for (int i = 1; i < failedAttempts && wait.compareTo(this.maxRetryAfter) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return (wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait;
		}

	}

}
