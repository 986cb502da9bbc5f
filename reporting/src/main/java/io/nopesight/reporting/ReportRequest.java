package io.nopesight.reporting;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request for one report, as a client sent it: the template, its parameters, the format (the template's
 * first when not given), how to deliver it, the time zone its times are shown in (UTC when not given),
 * whether other users see it, and who asks.
 */
public record ReportRequest(@Nullable String templateId, @Nullable Map<String, Object> parameters,
		@Nullable String format, @Nullable DeliveryRequest delivery, @Nullable String timeZone, boolean shared,
		String requestedBy) {

}
