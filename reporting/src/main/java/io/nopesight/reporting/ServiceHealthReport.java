package io.nopesight.reporting;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.Renderable;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

import org.springframework.stereotype.Component;

import io.nopesight.correlation.service.BusinessService;
import io.nopesight.correlation.service.DependencyMapRenderer;
import io.nopesight.correlation.service.ServiceQuery;
import io.nopesight.correlation.service.Services;
import io.nopesight.correlation.service.SlaReport;
import io.nopesight.reporting.ServiceRow.OutageRow;

/**
 * {@code tpl_service_health}: the business services, their health now and how each did against its SLA over the
 * period (availability, outages), first all together (a table and a chart), then a page per service with its
 * outages and its dependency map, drawn by correlation's {@link DependencyMapRenderer}.
 */
@Component
class ServiceHealthReport implements ReportSource {

	static final String ID = "tpl_service_health";

	private static final int PAGE = 100;

	static final ReportTemplate TEMPLATE = new ReportTemplate(ID, "Service health and SLA",
			"Business services: their health now, SLA attainment and outages over the period, and their dependency"
					+ " maps",
			"services",
			List.of(Declarations.dateRange("last_30_days", "The period the SLA is measured over"),
					Declarations.optionalChoice("criticality", List.of("critical", "high", "medium", "low"),
							"Only services of this criticality"),
					new TemplateParameter("service", "text", false, null, List.of(),
							"Only this service, by name (any case) or id")),
			List.of(ReportFormat.values()));

	private final Services services;

	private final DependencyMapRenderer maps = new DependencyMapRenderer();

	ServiceHealthReport(Services services) {
		this.services = services;
	}

	@Override
	public ReportTemplate template() {
		return TEMPLATE;
	}

	@Override
	public String layout() {
		return "service_health";
	}

	@Override
	public JasperPrint fill(ReportParameters parameters, ReportFilling filling) {
		DateRange period = parameters.period();
		List<ServiceRow> rows = new ArrayList<>();
		for (BusinessService service : selected(parameters.optional("criticality"), parameters.optional("service"))) {
			SlaReport report = this.services.sla(service.id(), period.from(), period.to());
			rows.add(ServiceRow.of(service, report, outages(report), filling.images() ? map(service) : null));
		}
		Map<String, Object> values = new HashMap<>();
		values.put("SCOPE", String.format(ReportFilling.LOCALE,
				"%d business service%s; availability is the share of %s they were not down, healthy the share they"
						+ " were neither down nor degraded.",
				rows.size(), (rows.size() == 1) ? "" : "s", filling.times().period(period)));
		values.put("SERVICES", RowsDataSource.of(rows));
		if (filling.images()) {
			values.put("AVAILABILITY_CHART", chart(rows));
		}
		return filling.fill(values, RowsDataSource.of(rows));
	}

	private List<BusinessService> selected(@Nullable String criticality, @Nullable String named) {
		List<BusinessService> selected = new ArrayList<>();
		int page = 1;
		List<BusinessService> read;
		do {
			read = this.services.list(new ServiceQuery(criticality, null, null, page++, PAGE)).items();
			read.stream()
				.filter((s) -> named == null || s.id().equals(named) || s.name().equalsIgnoreCase(named))
				.forEach(selected::add);
		}
		while (read.size() == PAGE);
		return selected;
	}

	private static List<OutageRow> outages(SlaReport report) {
		return report.outages()
			.stream()
			.map((o) -> new OutageRow(Date.from(o.from()), Date.from(o.to()), o.minutes(),
					(o.ongoing() ? "ongoing; " : "") + (o.reasons().isEmpty() ? "" : o.reasons().get(0).summary())))
			.toList();
	}

	private Renderable map(BusinessService service) {
		return SimpleDataRenderer.getInstance(this.maps.png(this.services.dependencyMap(service.id())));
	}

	private static Renderable chart(List<ServiceRow> rows) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ServiceRow row : rows) {
			data.addValue(row.target(), "SLA target %", row.service());
			data.addValue(row.availability(), "availability %", row.service());
		}
		double lowest = rows.stream()
			.flatMap((r) -> java.util.stream.Stream.of(r.availability(), (r.target() != null) ? r.target() : 100.0))
			.mapToDouble(Double::doubleValue)
			.min()
			.orElse(99);
		double floor = Math.max(0, Math.floor(lowest - 0.5));
		return Charts.image(Charts.bars(data, String.format(Locale.ROOT, "%% of the period (from %.0f%%)", floor), true,
				List.of(Charts.GREY, Charts.BLUE), "0.00", floor), 515, 250);
	}

}
