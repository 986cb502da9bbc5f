package io.nopesight.reporting;

import java.time.Instant;

/**
 * Thrown when a report's file is asked for after it expired (and was, or is about to be, removed); the API
 * answers 410 {@code GONE}.
 */
public class ReportExpiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ReportExpiredException(String reportId, Instant expiredAt) {
		super("Report " + reportId + " expired at " + expiredAt + " and its file was removed; generate it again");
	}

}
