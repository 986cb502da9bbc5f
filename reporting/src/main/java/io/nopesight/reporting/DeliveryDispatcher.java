package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.nopesight.core.database.DatabaseAvailability;
import io.nopesight.reporting.JdbcDeliveryRepository.Claimed;

/**
 * Sends the e-mails of completed reports from one thread per node. It claims due deliveries (when a report
 * on this node completes, and every {@code mail.poll-interval} for the rest), sends each, and records the
 * outcome: sent, or the next attempt a back-off ahead, or failed once the attempts are used up. The times
 * are in the database, so a restart, or another node, goes on where this one stopped.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private static final int BATCH = 20;

	private static final int MAX_ERROR = 1000;

	private final JdbcDeliveryRepository deliveries;

	private final JdbcReportRepository reports;

	private final JdbcScheduleRepository schedules;

	private final ReportContent content;

	private final ReportMailer mailer;

	private final ReportingSettings.Mail settings;

	private final DatabaseAvailability database;

	private final Clock clock;

	// one pending wake-up is enough: each wake-up claims everything that is due
	private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);

	private volatile boolean running;

	private @Nullable Thread thread;

	DeliveryDispatcher(JdbcDeliveryRepository deliveries, JdbcReportRepository reports,
			JdbcScheduleRepository schedules, ReportContent content, ReportMailer mailer, ReportingSettings settings,
			DatabaseAvailability database, Clock clock) {
		this.deliveries = deliveries;
		this.reports = reports;
		this.schedules = schedules;
		this.content = content;
		this.mailer = mailer;
		this.settings = settings.mail();
		this.database = database;
		this.clock = clock;
	}

	void wake() {
		this.wakeUps.offer(Boolean.TRUE);
	}

	@Override
	public void start() {
		this.running = true;
		Thread dispatcher = new Thread(this::dispatchUntilStopped, "report-delivery");
		dispatcher.setDaemon(true);
		this.thread = dispatcher;
		dispatcher.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread dispatcher = this.thread;
		if (dispatcher != null) {
			dispatcher.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void dispatchUntilStopped() {
		while (this.running) {
			try {
				if (this.database.isAvailable() && this.mailer.configured()) {
					dispatchDue();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not look for report e-mails to send: {}", ex.getMessage());
			}
			try {
				this.wakeUps.poll(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Sends what is due now, a batch at a time, until nothing is.
	 */
	void dispatchDue() {
		List<Claimed> claimed;
		do {
			Instant now = this.clock.instant();
			claimed = this.deliveries.claim(now, now.plus(this.settings.lease()), BATCH);
			Map<String, byte[]> files = new HashMap<>();
			for (Claimed delivery : claimed) {
				if (!this.running) {
					return;
				}
				deliver(delivery, files);
			}
		}
		while (claimed.size() == BATCH);
	}

	private void deliver(Claimed delivery, Map<String, byte[]> files) {
		StoredReport report = this.reports.find(delivery.reportId()).orElse(null);
		if (report == null || report.statusAt(this.clock.instant()) != ReportStatus.COMPLETED) {
			this.deliveries.failed(delivery.id(), "the report expired before it could be sent");
			return;
		}
		try {
			byte[] file = this.mailer.attaches(report) ? files.computeIfAbsent(report.id(), this::read) : null;
			String scheduleName = (report.scheduleId() != null)
					? this.schedules.name(report.scheduleId()).orElse(null) : null;
			String mode = this.mailer.send(report, scheduleName, delivery.recipient(), file);
			this.deliveries.sent(delivery.id(), mode, this.clock.instant());
			logger.info("Report {} sent to {} ({})", report.id(), delivery.recipient(), mode);
		}
		catch (Exception ex) {
			failed(delivery, report, ex);
		}
	}

	private void failed(Claimed delivery, StoredReport report, Exception ex) {
		String error = describe(ex);
		if (delivery.attempts() >= this.settings.maxAttempts()) {
			this.deliveries.failed(delivery.id(), error);
			logger.warn("Report {} could not be sent to {} after {} attempts: {}", report.id(), delivery.recipient(),
					delivery.attempts(), error);
			return;
		}
		Instant next = this.clock.instant().plus(this.settings.backoff(delivery.attempts()));
		this.deliveries.retry(delivery.id(), next, error);
		logger.info("Report {} could not be sent to {} (attempt {}), trying again at {}: {}", report.id(),
				delivery.recipient(), delivery.attempts(), next, error);
	}

	private byte[] read(String reportId) {
		try (InputStream in = this.content.open(reportId)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// the SMTP server's own words are under the mail exception that wraps them
	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null && text.length() < MAX_ERROR; cause = cause.getCause()) {
			if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
				text.append(text.isEmpty() ? "" : "; ").append(cause.getMessage());
			}
		}
		String error = text.isEmpty() ? ex.getClass().getSimpleName() : text.toString();
		return (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
	}

}
