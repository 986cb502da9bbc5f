package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException.FieldError;

/**
 * A schedule row as stored: the definition, when it runs in one of two forms (a cron expression, or a
 * period's frequency, time and day), and how its runs went.
 */
record StoredSchedule(String id, String name, String templateId, Map<String, Object> parameters, ReportFormat format,
		@Nullable String cron, @Nullable SchedulePeriod period, ZoneId zone, @Nullable String deliveryMethod,
		List<String> recipients, boolean skipIfEmpty, boolean shared, boolean enabled, String createdBy,
		Instant createdAt, Instant updatedAt, @Nullable Instant nextRunAt, @Nullable Instant lastRunAt,
		@Nullable String lastReportId, @Nullable String lastError) {

	ScheduleTiming timing() {
		List<FieldError> errors = new ArrayList<>();
		ScheduleTiming timing = ScheduleTimingCheck.read(this.cron, this.period, this.zone, errors);
		if (timing == null) {
			throw new IllegalStateException("The stored timing of schedule " + this.id + " does not read: " + errors);
		}
		return timing;
	}

	boolean visibleTo(ReportViewer viewer) {
		return viewer.admin() || this.createdBy.equals(viewer.owner());
	}

	DeliveryRequest delivery() {
		return new DeliveryRequest(this.deliveryMethod, this.recipients, this.skipIfEmpty);
	}

	ScheduleView view() {
		return new ScheduleView(this.id, this.name, this.templateId, this.parameters, this.format, this.cron,
				this.period, this.zone.getId(), this.deliveryMethod, this.recipients, this.skipIfEmpty, this.shared,
				this.enabled, this.createdBy, this.createdAt, this.updatedAt, this.nextRunAt, this.lastRunAt,
				this.lastReportId, this.lastError);
	}

}
