package io.nopesight.reporting;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.nopesight.core.work.WorkHandler;
import io.nopesight.core.work.WorkItem;
import io.nopesight.reporting.ReportRendering.RenderContext;
import io.nopesight.reporting.ReportRendering.RenderedReport;

/**
 * Renders a queued report on one of the node's report workers ({@code nopesight.reporting.workers}): to a
 * file in the data folder, then into the database as the report completes. A render stopped by a shutdown
 * or a database outage goes back in the queue for the next node; any other failure fails the report.
 */
@Component
class ReportWorkHandler implements WorkHandler {

	private static final Logger logger = LoggerFactory.getLogger(ReportWorkHandler.class);

	private final JdbcReportRepository reports;

	private final ReportTemplates templates;

	private final ReportRendering rendering;

	private final ReportCompletion completion;

	private final RenderingFolder folder;

	private final ReportingSettings settings;

	ReportWorkHandler(JdbcReportRepository reports, ReportTemplates templates, ReportRendering rendering,
			ReportCompletion completion, RenderingFolder folder, ReportingSettings settings) {
		this.reports = reports;
		this.templates = templates;
		this.rendering = rendering;
		this.completion = completion;
		this.folder = folder;
		this.settings = settings;
	}

	@Override
	public String kind() {
		return ReportQueue.WORK_KIND;
	}

	@Override
	public int concurrency() {
		return this.settings.workers();
	}

	@Override
	public void perform(WorkItem item) throws Exception {
		StoredReport report = this.reports.find(item.subjectId()).orElse(null);
		if (report == null || report.status() != ReportStatus.GENERATING) {
			return;
		}
		this.completion.started(report.id());
		Path file = this.folder.newFile(report.id());
		try {
			RenderedReport rendered = render(report, file);
			if (this.completion.complete(report, file, rendered)) {
				logger.info("Report {} ({}, {}) completed: {} rows", report.id(), report.templateId(),
						report.format().key(), rendered.rows());
			}
		}
		finally {
			this.folder.delete(file);
		}
	}

	@Override
	public void failed(WorkItem item, String error) {
		this.reports.find(item.subjectId()).ifPresent((report) -> this.completion.fail(report, error));
	}

	private RenderedReport render(StoredReport report, Path file) throws Exception {
		// read against the time the report is as of, so a rerun renders what the first run would have
		Map<String, Object> parameters = this.templates.validate(report.templateId(), report.parameters(),
				report.asOf(), report.zone());
		try (OutputStream out = Files.newOutputStream(file)) {
			return this.rendering.render(report.templateId(), parameters, report.format(),
					new RenderContext(report.asOf(), report.zone(), report.createdBy()), out);
		}
	}

}
