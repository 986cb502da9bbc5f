package io.nopesight.api.report;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.SchedulePeriod;
import io.nopesight.reporting.ScheduleRequest;

/**
 * A schedule as {@code POST} and {@code PUT /v1/reports/schedules} take it: a name, the report (template,
 * parameters, format), when ({@code cron} or {@code period}) in which {@code time_zone}, the delivery, whether
 * its reports are shared, and whether it runs ({@code enabled}, default true).
 */
record ScheduleBody(@Nullable String name, @Nullable String templateId, @Nullable Map<String, Object> parameters,
		@Nullable String format, @Nullable String cron, @Nullable PeriodBody period, @Nullable String timeZone,
		@Nullable DeliveryBody delivery, @Nullable Boolean shared, @Nullable Boolean enabled) {

	ScheduleRequest toRequest() {
		return new ScheduleRequest(this.name, this.templateId, this.parameters, this.format, this.cron,
				(this.period != null) ? this.period.toPeriod() : null, this.timeZone,
				DeliveryBody.toRequest(this.delivery), Boolean.TRUE.equals(this.shared),
				!Boolean.FALSE.equals(this.enabled));
	}

	/**
	 * {@code period}: {@code frequency} daily, weekly or monthly, {@code time} (HH:mm), {@code day_of_week} for
	 * weekly, {@code day_of_month} for monthly.
	 */
	record PeriodBody(@Nullable String frequency, @Nullable String time, @Nullable String dayOfWeek,
			@Nullable Integer dayOfMonth) {

		SchedulePeriod toPeriod() {
			return new SchedulePeriod(this.frequency, this.time, this.dayOfWeek, this.dayOfMonth);
		}

	}

}
