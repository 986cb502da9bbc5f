package io.nopesight.reporting;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Renders a template, filled from the other modules' data, into a format. The queue calls it on its workers;
 * nothing here knows of queues, schedules or delivery.
 */
interface ReportRendering {

	/**
	 * Writes the report to {@code out}.
	 * @param parameters as {@link ReportTemplates#validate} returned them
	 */
	RenderedReport render(String templateId, Map<String, Object> parameters, ReportFormat format, RenderContext context,
			OutputStream out);

	/** When the report is rendered as of, in which time zone its times are shown, and who asked for it. */
	record RenderContext(Instant asOf, ZoneId zone, String requestedBy) {
	}

	/** What was rendered: its pages (1 for the formats without pages) and rows, and whether it had no rows at all. */
	record RenderedReport(int pages, long rows, boolean empty) {
	}

}
