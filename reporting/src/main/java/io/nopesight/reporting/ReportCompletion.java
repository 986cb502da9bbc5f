package io.nopesight.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.reporting.ReportRendering.RenderedReport;

/**
 * Ends a render: stores the file, completes the report, makes its deliveries due (or skips them when it is
 * empty and they said so) and publishes {@code report.completed}, all in one transaction; or marks it failed
 * and publishes {@code report.failed}.
 */
@Component
class ReportCompletion {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

	private final JdbcReportRepository reports;

	private final JdbcDeliveryRepository deliveries;

	private final ReportContent content;

	private final DomainEventOutbox outbox;

	private final DeliveryDispatcher dispatcher;

	private final ReportingSettings settings;

	private final Clock clock;

	ReportCompletion(JdbcReportRepository reports, JdbcDeliveryRepository deliveries, ReportContent content,
			DomainEventOutbox outbox, DeliveryDispatcher dispatcher, ReportingSettings settings, Clock clock) {
		this.reports = reports;
		this.deliveries = deliveries;
		this.content = content;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.clock = clock;
	}

	void started(String reportId) {
		this.reports.started(reportId, this.clock.instant());
	}

	/**
	 * @return false when the report was no longer generating (another run completed it), and nothing changed
	 */
	@Transactional
	public boolean complete(StoredReport report, Path file, RenderedReport rendered) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.retention());
		String fileName = fileName(report);
		// the row first: it locks the report, so of two runs that both got this far only one stores a file
		if (!this.reports.complete(report.id(), now, expiresAt, rendered, size(file), fileName)) {
			return false;
		}
		this.content.store(report.id(), file);
		if (rendered.empty() && report.skipIfEmpty()) {
			this.deliveries.skip(report.id());
		}
		else if (this.deliveries.due(report.id(), now) > 0) {
			wakeDispatcherAfterCommit();
		}
		Map<String, Object> payload = payload(report, "completed");
		payload.put("completed_at", now.toString());
		payload.put("expires_at", expiresAt.toString());
		payload.put("download_url", "/v1/reports/" + report.id() + "/download");
		payload.put("rows", rendered.rows());
		payload.put("empty", rendered.empty());
		this.outbox.publish("report.completed", report.id(), payload);
		return true;
	}

	@Transactional
	public void fail(StoredReport report, String error) {
		if (this.reports.fail(report.id(), this.clock.instant(), error)) {
			this.deliveries.giveUp(List.of(report.id()), "the report failed: " + error);
			Map<String, Object> payload = payload(report, "failed");
			payload.put("error", error);
			this.outbox.publish("report.failed", report.id(), payload);
		}
	}

	// inventory-2024-01-20-1632.pdf: the template and the time it is as of, in the report's zone
	private static String fileName(StoredReport report) {
		String name = report.templateId().replaceFirst("^tpl_", "").replaceAll("[^A-Za-z0-9]+", "-");
		return name + "-" + FILE_TIME.format(report.asOf().atZone(report.zone())) + "." + report.format().extension();
	}

	private static Map<String, Object> payload(StoredReport report, String status) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("report_id", report.id());
		payload.put("status", status);
		payload.put("template_id", report.templateId());
		payload.put("format", report.format().key());
		payload.put("created_by", report.createdBy());
		payload.put("schedule_id", report.scheduleId());
		return payload;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void wakeDispatcherAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ReportCompletion.this.dispatcher.wake();
			}
		});
	}

}
