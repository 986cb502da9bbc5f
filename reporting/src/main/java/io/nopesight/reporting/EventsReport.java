package io.nopesight.reporting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperPrint;

import org.springframework.stereotype.Component;

import io.nopesight.correlation.Incident;
import io.nopesight.correlation.IncidentQuery;
import io.nopesight.correlation.Incidents;
import io.nopesight.correlation.Severity;
import io.nopesight.reporting.JdbcEventReads.EventFilter;
import io.nopesight.reporting.JdbcEventReads.Tally;

/**
 * {@code tpl_events}: the events of the period counted by severity, by source (the noisiest first) and by CI, on a
 * timeline per hour or day; then the incidents that began in the period, of at least {@code min_events} events,
 * read a page at a time through correlation's {@link Incidents}.
 */
@Component
class EventsReport implements ReportSource {

	static final String ID = "tpl_events";

	private static final int TOP_SOURCES = 10;

	private static final int TOP_CIS = 15;

	private static final int PAGE = 200;

	private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

	static final ReportTemplate TEMPLATE = new ReportTemplate(ID, "Events and incidents",
			"Events of the period by severity, source and CI with the noisiest sources and a timeline, and the"
					+ " incidents they were grouped into",
			"events",
			List.of(Declarations.dateRange("last_7_days", "Events created and incidents begun in this period"),
					Declarations.choice("min_severity", "low", SEVERITIES,
							"The least severe events counted, and incidents shown"),
					new TemplateParameter("source", "text", false, null, List.of(),
							"Only events from this source (prometheus, nagios...)"),
					Declarations.choice("min_events", "2", List.of("1", "2", "3", "5", "10"),
							"The incidents listed are those of at least this many events"),
					Declarations.choice("timeline", "auto", List.of("auto", "hour", "day"),
							"The timeline's bars: per hour, per day, or per hour for two days or less")),
			List.of(ReportFormat.values()));

	private final JdbcEventReads events;

	private final Incidents incidents;

	EventsReport(JdbcEventReads events, Incidents incidents) {
		this.events = events;
		this.incidents = incidents;
	}

	@Override
	public ReportTemplate template() {
		return TEMPLATE;
	}

	@Override
	public String layout() {
		return "events";
	}

	@Override
	public JasperPrint fill(ReportParameters parameters, ReportFilling filling) {
		DateRange period = parameters.period();
		String minimum = parameters.text("min_severity");
		List<String> severities = SEVERITIES.subList(SEVERITIES.indexOf(minimum), SEVERITIES.size());
		EventFilter filter = new EventFilter(period.from(), period.to(), severities, parameters.optional("source"));
		boolean hourly = switch (parameters.text("timeline")) {
			case "hour" -> true;
			case "day" -> false;
			default -> period.length().compareTo(Duration.ofDays(2)) <= 0;
		};
		List<Tally> bySeverity = this.events.bySeverity(filter);
		long total = bySeverity.stream().mapToLong(Tally::events).sum();
		int minEvents = Integer.parseInt(parameters.text("min_events"));
		Map<String, Object> values = new HashMap<>();
		values.put("SCOPE", EventLines.scope(bySeverity, filling.times().period(period), minimum, filter.source()));
		if (filling.images()) {
			values.put("TIMELINE", EventLines.timeline(this.events.timeline(filter, hourly, filling.times().zone()),
					hourly, filling.times().zone()));
		}
		values.put("TIMELINE_TITLE", "Events per " + (hourly ? "hour" : "day") + " by severity");
		values.put("BY_SEVERITY", RowsDataSource.of(EventLines.severities(bySeverity, total)));
		values.put("BY_SOURCE", RowsDataSource.of(EventLines.tallies(this.events.bySource(filter, TOP_SOURCES), total)));
		values.put("BY_CI", RowsDataSource.of(EventLines.cis(this.events.byCi(filter, TOP_CIS))));
		values.put("INCIDENTS_TITLE", "Incidents begun in the period, of " + minEvents + " event"
				+ ((minEvents == 1) ? "" : "s") + " or more, newest first");
		Severity least = Severity.fromValue(minimum).orElse(Severity.LOW);
		PagedRows<IncidentRow> rows = new PagedRows<>((page) -> incidents(period, minEvents, page, least));
		return filling.fill(values, new RowsDataSource(rows));
	}

	// one page of the correlation module's list; those below the least severity are left out after reading
	private PagedRows.Chunk<IncidentRow> incidents(DateRange period, int minEvents, int page, Severity least) {
		List<Incident> read = this.incidents
			.list(new IncidentQuery(null, null, period.from(), period.to(), null, minEvents, page, PAGE))
			.items();
		List<IncidentRow> rows = read.stream()
			.filter((i) -> i.severity().compareTo(least) >= 0)
			.map(IncidentRow::of)
			.toList();
		return new PagedRows.Chunk<>(rows, read.size() < PAGE);
	}

}
