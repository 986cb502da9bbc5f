package io.nopesight.reporting;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A schedule as a client sent it: a name, the report to render (template, parameters, format), when (a
 * {@code cron} expression or a {@code period}, one of the two) in which time zone (UTC when not given), how
 * to deliver it, whether its reports are shared, and whether it runs at all.
 */
public record ScheduleRequest(@Nullable String name, @Nullable String templateId,
		@Nullable Map<String, Object> parameters, @Nullable String format, @Nullable String cron,
		@Nullable SchedulePeriod period, @Nullable String timeZone, @Nullable DeliveryRequest delivery,
		boolean shared, boolean enabled) {

}
