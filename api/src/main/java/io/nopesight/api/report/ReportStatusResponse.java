package io.nopesight.api.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.DeliveryView;
import io.nopesight.reporting.ReportStatus;
import io.nopesight.reporting.ReportView;

/**
 * {@code GET /v1/reports/{id}/status}: the reference's fields ({@code download_url} only while the file can be
 * downloaded), then the expected completion, the reason of a failure, and each recipient's delivery.
 */
record ReportStatusResponse(String reportId, String status, @Nullable Instant completedAt,
		@Nullable String downloadUrl, @Nullable Instant expiresAt, Instant estimatedCompletion,
		@Nullable String error, List<DeliveryResponse> deliveries) {

	static ReportStatusResponse from(ReportView report) {
		return new ReportStatusResponse(report.id(), report.status().value(), report.completedAt(),
				downloadUrl(report), report.expiresAt(), report.estimatedCompletion(), report.error(),
				report.deliveries().stream().map(DeliveryResponse::from).toList());
	}

	static @Nullable String downloadUrl(ReportView report) {
		return (report.status() == ReportStatus.COMPLETED) ? ReportAcceptedResponse.downloadUrl(report.id()) : null;
	}

	/**
	 * One recipient: {@code pending}, {@code sent} ({@code attached} or {@code linked}), {@code failed} or
	 * {@code skipped}, with the attempts and the last error.
	 */
	record DeliveryResponse(String recipient, String status, @Nullable String mode, int attempts,
			@Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt,
			@Nullable String error) {

		static DeliveryResponse from(DeliveryView delivery) {
			return new DeliveryResponse(delivery.recipient(), delivery.status(), delivery.mode(), delivery.attempts(),
					delivery.lastAttemptAt(), delivery.nextAttemptAt(), delivery.sentAt(), delivery.error());
		}

	}

}
