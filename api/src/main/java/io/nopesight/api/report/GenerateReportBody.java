package io.nopesight.api.report;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.ReportRequest;

/**
 * {@code POST /v1/reports/generate}: the template, its parameters, the format, the delivery, the time zone
 * its times are shown in and whether other users see it.
 */
record GenerateReportBody(@Nullable String templateId, @Nullable Map<String, Object> parameters,
		@Nullable String format, @Nullable DeliveryBody delivery, @Nullable String timeZone,
		@Nullable Boolean shared) {

	ReportRequest toRequest(String owner) {
		return new ReportRequest(this.templateId, this.parameters, this.format, DeliveryBody.toRequest(this.delivery),
				this.timeZone, Boolean.TRUE.equals(this.shared), owner);
	}

}
