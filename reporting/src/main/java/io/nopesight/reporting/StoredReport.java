package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A report row as stored.
 */
record StoredReport(String id, String templateId, String templateName, String category, ReportFormat format,
		Map<String, Object> parameters, ZoneId zone, Instant asOf, ReportStatus status, String createdBy,
		boolean shared, @Nullable String deliveryMethod, boolean skipIfEmpty, @Nullable String scheduleId,
		@Nullable Instant scheduledFor, Instant createdAt, Instant estimatedCompletion, @Nullable Instant startedAt,
		@Nullable Instant completedAt, @Nullable Instant expiresAt, @Nullable Integer pages, @Nullable Long rows,
		@Nullable Boolean empty, @Nullable Long sizeBytes, @Nullable String fileName, @Nullable String error) {

	/**
	 * Expired once its time has passed, even before the cleanup has removed its file.
	 */
	ReportStatus statusAt(Instant now) {
		return (this.status == ReportStatus.COMPLETED && this.expiresAt != null && !now.isBefore(this.expiresAt))
				? ReportStatus.EXPIRED : this.status;
	}

	ReportView view(Instant now, List<DeliveryView> deliveries) {
		return new ReportView(this.id, this.templateId, this.templateName, this.category, this.format, this.parameters,
				this.zone.getId(), statusAt(now), this.createdBy, this.shared, this.deliveryMethod, this.skipIfEmpty,
				this.scheduleId, this.createdAt, this.estimatedCompletion, this.completedAt, this.expiresAt, this.pages,
				this.rows, this.empty, this.sizeBytes, this.fileName, this.error, deliveries);
	}

	boolean visibleTo(ReportViewer viewer) {
		return viewer.admin() || this.shared || this.createdBy.equals(viewer.owner());
	}

}
