package io.nopesight.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.api.report.ReportStatusResponse.DeliveryResponse;
import io.nopesight.reporting.ReportView;

/**
 * A report in {@code GET /v1/reports}: what was asked for, by whom, where it stands, and each recipient's
 * delivery as the status shows them.
 */
record ReportResponse(String id, String templateId, String name, String category, String format,
		Map<String, Object> parameters, String timeZone, String status, String createdBy, boolean shared,
		@Nullable String scheduleId, Instant createdAt, Instant estimatedCompletion, @Nullable Instant completedAt,
		@Nullable Instant expiresAt, @Nullable String statusUrl, @Nullable String downloadUrl, @Nullable Long rows,
		@Nullable Integer pages, @Nullable Boolean empty, @Nullable Long sizeBytes, @Nullable String fileName,
		@Nullable String error, Delivery delivery, List<DeliveryResponse> deliveries) {

	static ReportResponse from(ReportView report) {
		return new ReportResponse(report.id(), report.templateId(), report.templateName(), report.category(),
				report.format().key(), report.parameters(), report.timeZone(), report.status().value(),
				report.createdBy(), report.shared(), report.scheduleId(), report.createdAt(),
				report.estimatedCompletion(), report.completedAt(), report.expiresAt(),
				ReportAcceptedResponse.statusUrl(report.id()), ReportStatusResponse.downloadUrl(report), report.rows(),
				report.pages(), report.empty(), report.sizeBytes(), report.fileName(), report.error(),
				new Delivery(report.deliveryMethod(), report.skipIfEmpty()),
				report.deliveries().stream().map(DeliveryResponse::from).toList());
	}

	/**
	 * How it is delivered; {@code deliveries} say to whom it went.
	 */
	record Delivery(@Nullable String method, boolean skipIfEmpty) {
	}

}
