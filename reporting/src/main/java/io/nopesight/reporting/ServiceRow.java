package io.nopesight.reporting;

import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.renderers.Renderable;

import io.nopesight.correlation.service.BusinessService;
import io.nopesight.correlation.service.ServiceHealth;
import io.nopesight.correlation.service.SlaReport;

/**
 * A business service as the service health report shows it: its health now, how it did against its SLA over the
 * period, its outages and its dependency map.
 */
record ServiceRow(String service, String criticality, String health, double score, @Nullable Double target,
		double availability, double healthy, String sla, double downMinutes, double degradedMinutes,
		List<OutageRow> outages, @Nullable Renderable map) implements ReportRow {

	static ServiceRow of(BusinessService service, SlaReport report, List<OutageRow> outages, @Nullable Renderable map) {
		ServiceHealth health = service.health();
		Boolean met = report.met();
		String sla = (met == null) ? "no target" : (met ? "met" : "missed");
		return new ServiceRow(service.name(), service.criticality(), health.status().value(), health.score(),
				report.target(), report.availability(), report.healthy(), sla, report.downMinutes(),
				report.degradedMinutes(), List.copyOf(outages), map);
	}

	@Override
	public @Nullable Object value(String field) {
		return switch (field) {
			case "service" -> this.service;
			case "criticality" -> this.criticality;
			case "health" -> this.health;
			case "score" -> this.score;
			case "target" -> this.target;
			case "availability" -> this.availability;
			case "healthy" -> this.healthy;
			case "sla" -> this.sla;
			case "down_minutes" -> this.downMinutes;
			case "degraded_minutes" -> this.degradedMinutes;
			case "outage_count" -> this.outages.size();
			// a data source is read once: each use gets its own
			case "outages" -> RowsDataSource.of(this.outages);
			case "map" -> this.map;
			default -> throw new IllegalArgumentException("The service report has no field '" + field + "'");
		};
	}

	/** A stretch of time the service was down, with why it went down. */
	record OutageRow(Date from, Date to, double minutes, String reason) implements ReportRow {

		@Override
		public @Nullable Object value(String field) {
			return switch (field) {
				case "from" -> this.from;
				case "to" -> this.to;
				case "minutes" -> this.minutes;
				default -> this.reason;
			};
		}

	}

}
