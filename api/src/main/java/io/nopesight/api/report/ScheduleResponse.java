package io.nopesight.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.SchedulePeriod;
import io.nopesight.reporting.ScheduleView;

/**
 * A schedule as the API shows it: its definition, when it runs next, and how its last run went.
 */
record ScheduleResponse(String id, String name, String templateId, Map<String, Object> parameters, String format,
		@Nullable String cron, @Nullable Period period, String timeZone, Delivery delivery, boolean shared,
		boolean enabled, String createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant nextRunAt,
		@Nullable Instant lastRunAt, @Nullable String lastReportId, @Nullable String lastError) {

	static ScheduleResponse from(ScheduleView schedule) {
		SchedulePeriod period = schedule.period();
		return new ScheduleResponse(schedule.id(), schedule.name(), schedule.templateId(), schedule.parameters(),
				schedule.format().key(), schedule.cron(),
				(period != null)
						? new Period(period.frequency(), period.time(), period.dayOfWeek(), period.dayOfMonth()) : null,
				schedule.timeZone(),
				new Delivery(schedule.deliveryMethod(), schedule.recipients(), schedule.skipIfEmpty()),
				schedule.shared(), schedule.enabled(), schedule.createdBy(), schedule.createdAt(),
				schedule.updatedAt(), schedule.nextRunAt(), schedule.lastRunAt(), schedule.lastReportId(),
				schedule.lastError());
	}

	/**
	 * The period, its day fields only where they apply.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Period(String frequency, String time, @Nullable String dayOfWeek, @Nullable Integer dayOfMonth) {
	}

	record Delivery(@Nullable String method, List<String> recipients, boolean skipIfEmpty) {
	}

}
