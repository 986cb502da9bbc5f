package io.nopesight.api.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.service.BusinessService;
import io.nopesight.correlation.service.ServiceHealth;
import io.nopesight.correlation.service.SlaReport;

/**
 * A service as the API shows it: the reference's fields, the health's reasons, and the SLA's last 30 days.
 */
record ServiceResponse(String id, String name, @Nullable String description, String criticality, SlaBody sla,
		List<ComponentBody> components, HealthBody health, Instant createdAt, Instant updatedAt) {

	static ServiceResponse from(BusinessService service, @Nullable SlaReport last30Days) {
		return new ServiceResponse(service.id(), service.name(), service.description(), service.criticality(),
				new SlaBody(service.sla().availability(), service.sla().responseTime(),
						(last30Days != null) ? Measured.from(last30Days) : null),
				service.components()
					.stream()
					.map((c) -> new ComponentBody(c.ciId(), c.ciName(), c.ciType(), c.role()))
					.toList(),
				HealthBody.from(service.health()), service.createdAt(), service.updatedAt());
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SlaBody(@Nullable String availability, @Nullable String responseTime,
			@JsonProperty("last_30_days") @Nullable Measured last30Days) {
	}

	record Measured(double availability, double healthy, @Nullable Boolean met, double downMinutes, int outages) {

		static Measured from(SlaReport report) {
			return new Measured(report.availability(), report.healthy(), report.met(), report.downMinutes(),
					report.outages().size());
		}

	}

	record ComponentBody(String ciId, String ciName, String ciType, @Nullable String role) {
	}

	record HealthBody(String status, double score, Instant since, List<ReasonBody> reasons) {

		static HealthBody from(ServiceHealth health) {
			return new HealthBody(health.status().value(), health.score(), health.since(),
					health.reasons().stream().map(ReasonBody::from).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReasonBody(String kind, String summary, @Nullable String eventId, @Nullable String severity,
			@Nullable String ciId, @Nullable String ciName, @Nullable String componentCiId, @Nullable Integer distance,
			@Nullable String serviceId, @Nullable String serviceName, @Nullable String serviceStatus,
			@Nullable String dependencyType, @Nullable String dependencyImpact) {

		static ReasonBody from(ServiceHealth.Reason r) {
			return new ReasonBody(r.kind(), r.summary(), r.eventId(), r.severity(), r.ciId(), r.ciName(),
					r.componentCiId(), r.distance(), r.serviceId(), r.serviceName(), r.serviceStatus(),
					r.dependencyType(), r.dependencyImpact());
		}

	}

}
