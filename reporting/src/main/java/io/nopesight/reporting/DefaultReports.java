package io.nopesight.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.ConflictException;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.Page;
import io.nopesight.reporting.ReportRequestCheck.CheckedReport;

/**
 * Reports: checked and queued at once, read back with their deliveries, downloaded from the database.
 */
@Service
class DefaultReports implements Reports {

	private final ReportRequestCheck checks;

	private final ReportQueue queue;

	private final JdbcReportRepository reports;

	private final JdbcDeliveryRepository deliveries;

	private final ReportContent content;

	private final Clock clock;

	DefaultReports(ReportRequestCheck checks, ReportQueue queue, JdbcReportRepository reports,
			JdbcDeliveryRepository deliveries, ReportContent content, Clock clock) {
		this.checks = checks;
		this.queue = queue;
		this.reports = reports;
		this.deliveries = deliveries;
		this.content = content;
		this.clock = clock;
	}

	@Override
	@Transactional
	public ReportAccepted generate(ReportRequest request) {
		// as the database keeps it, so the estimate answered is the one the status shows
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		CheckedReport checked = this.checks.check(request.templateId(), request.parameters(), request.format(),
				request.delivery(), request.timeZone(), now, new ArrayList<>());
		return this.queue.enqueue(checked, request.requestedBy(), request.shared(), now, null, null);
	}

	@Override
	public ReportView get(String reportId, ReportViewer viewer) {
		StoredReport report = visible(reportId, viewer);
		return report.view(this.clock.instant(), this.deliveries.ofReport(reportId));
	}

	@Override
	public Page<ReportView> list(ReportQuery query) {
		Instant now = this.clock.instant();
		List<StoredReport> page = this.reports.list(query);
		Map<String, List<DeliveryView>> deliveries = this.deliveries
			.ofReports(page.stream().map(StoredReport::id).toList());
		List<ReportView> views = page.stream()
			.map((report) -> report.view(now, deliveries.getOrDefault(report.id(), List.of())))
			.toList();
		return new Page<>(views, this.reports.count(query), query.page(), query.limit());
	}

	@Override
	public ReportFile download(String reportId, ReportViewer viewer) {
		StoredReport report = visible(reportId, viewer);
		ReportStatus status = report.statusAt(this.clock.instant());
		if (status == ReportStatus.EXPIRED && report.expiresAt() != null) {
			throw new ReportExpiredException(reportId, report.expiresAt());
		}
		if (status == ReportStatus.GENERATING) {
			throw new ConflictException("Report " + reportId + " is still generating; its status_url says when it is"
					+ " completed (expected at " + report.estimatedCompletion() + ")");
		}
		if (status != ReportStatus.COMPLETED || report.fileName() == null || report.sizeBytes() == null) {
			throw new ConflictException("Report " + reportId + " failed and has no file: " + report.error());
		}
		return new ReportFile(reportId, report.fileName(), report.format(), report.sizeBytes(),
				() -> this.content.open(reportId));
	}

	// a report the viewer may not see is answered as one that does not exist, so ids reveal nothing
	private StoredReport visible(String reportId, ReportViewer viewer) {
		return this.reports.find(reportId)
			.filter((report) -> report.visibleTo(viewer))
			.orElseThrow(() -> new ReportNotFoundException(reportId));
	}

	/**
	 * No report of that id, or none the viewer may see.
	 */
	static class ReportNotFoundException extends NotFoundException {

		private static final long serialVersionUID = 1L;

		ReportNotFoundException(String reportId) {
			super("Report " + reportId + " not found");
		}

	}

}
