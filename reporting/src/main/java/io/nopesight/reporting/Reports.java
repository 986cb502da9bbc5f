package io.nopesight.reporting;

import io.nopesight.core.Page;

/**
 * Reports rendered in the background: a request is checked and queued at once, rendered by whichever node
 * has a free worker, kept for download until it expires, and e-mailed to its recipients when asked.
 */
public interface Reports {

	/**
	 * Checks the request and queues the report, in one transaction.
	 * @throws io.nopesight.core.InvalidInputException naming each field that is wrong; nothing is stored
	 */
	ReportAccepted generate(ReportRequest request);

	/**
	 * @throws io.nopesight.core.NotFoundException when there is no such report or the viewer may not see it
	 */
	ReportView get(String reportId, ReportViewer viewer);

	Page<ReportView> list(ReportQuery query);

	/**
	 * The report's file.
	 * @throws io.nopesight.core.NotFoundException when there is no such report or the viewer may not see it
	 * @throws io.nopesight.core.ConflictException while it is generating, or when it failed
	 * @throws ReportExpiredException once it has expired
	 */
	ReportFile download(String reportId, ReportViewer viewer);

}
