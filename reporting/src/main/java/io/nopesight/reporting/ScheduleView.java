package io.nopesight.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored schedule: its definition (as {@link ScheduleRequest}, the recipients checked), when it runs next,
 * and how its last run went.
 */
public record ScheduleView(String id, String name, String templateId, Map<String, Object> parameters,
		ReportFormat format, @Nullable String cron, @Nullable SchedulePeriod period, String timeZone,
		@Nullable String deliveryMethod, List<String> recipients, boolean skipIfEmpty, boolean shared,
		boolean enabled, String createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant nextRunAt,
		@Nullable Instant lastRunAt, @Nullable String lastReportId, @Nullable String lastError) {

	public ScheduleView {
		recipients = List.copyOf(recipients);
	}

}
