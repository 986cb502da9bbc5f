package io.nopesight.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A report as its owner sees it: what was asked for, where it stands, what was rendered, when it expires,
 * and each recipient's delivery.
 */
public record ReportView(String id, String templateId, String templateName, String category, ReportFormat format,
		Map<String, Object> parameters, String timeZone, ReportStatus status, String createdBy, boolean shared,
		@Nullable String deliveryMethod, boolean skipIfEmpty, @Nullable String scheduleId, Instant createdAt,
		Instant estimatedCompletion, @Nullable Instant completedAt, @Nullable Instant expiresAt,
		@Nullable Integer pages, @Nullable Long rows, @Nullable Boolean empty, @Nullable Long sizeBytes,
		@Nullable String fileName, @Nullable String error, List<DeliveryView> deliveries) {

	public ReportView {
		deliveries = List.copyOf(deliveries);
	}

}
