package io.nopesight.api.report;

import java.time.Instant;

import io.nopesight.reporting.ReportAccepted;

/**
 * The reference's answer to {@code POST /v1/reports/generate}: the report's id, {@code generating}, when it
 * is expected, and where to ask.
 */
record ReportAcceptedResponse(String reportId, String status, Instant estimatedCompletion, String statusUrl) {

	static ReportAcceptedResponse from(ReportAccepted accepted) {
		return new ReportAcceptedResponse(accepted.reportId(), accepted.status().value(),
				accepted.estimatedCompletion(), statusUrl(accepted.reportId()));
	}

	static String statusUrl(String reportId) {
		return "/v1/reports/" + reportId + "/status";
	}

	static String downloadUrl(String reportId) {
		return "/v1/reports/" + reportId + "/download";
	}

}
