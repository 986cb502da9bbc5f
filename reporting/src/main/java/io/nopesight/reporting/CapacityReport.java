package io.nopesight.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.Renderable;

import org.springframework.stereotype.Component;

import io.nopesight.analytics.Horizons;
import io.nopesight.analytics.agent.CapacityAdvice.Recommendation;
import io.nopesight.reporting.CapacityAdvisor.Advice;
import io.nopesight.reporting.CapacityFigures.Figures;
import io.nopesight.reporting.CapacityFigures.Key;
import io.nopesight.reporting.JdbcInventoryReads.CiRef;

/**
 * {@code tpl_capacity}: per CI (servers by default), the use of each metric over the period (average, peak,
 * trend per day), when the forecast reaches 100% with its 80% interval, and the Infrastructure Optimizer's
 * upgrade; first a chart per metric of the CIs that peaked highest and the upgrades recommended.
 */
@Component
class CapacityReport implements ReportSource {

	static final String ID = "tpl_capacity";

	static final Map<String, String> METRICS = Map.of("cpu", "cpu_usage", "memory", "memory_usage", "disk",
			"disk_usage");

	/** The CIs each metric's chart shows, those of the highest peak. */
	private static final int CHART_CIS = 10;

	static final ReportTemplate TEMPLATE = new ReportTemplate(ID, "Capacity planning",
			"Use of CPU, memory and disk per CI over the period, its trend, when each forecast reaches capacity"
					+ " (with its 80% interval) and the upgrades the Infrastructure Optimizer recommends",
			"capacity",
			List.of(Declarations.ciType("server", false, "Which CIs"),
					Declarations.environment("Only CIs of this environment (custom field environment), any case"),
					Declarations.dateRange("last_30_days", "The period whose use is shown; forecasts start at its end"),
					Declarations.choice("horizon", "90d", List.of("30d", "90d", "180d"), "How far ahead to forecast"),
					Declarations.choices("metrics", "cpu,memory,disk", List.of("cpu", "memory", "disk"),
							"Which metrics: one or more of cpu, memory, disk")),
			List.of(ReportFormat.values()));

	private final JdbcInventoryReads cmdb;

	private final CapacityFigures figures;

	private final CapacityAdvisor advisor;

	CapacityReport(JdbcInventoryReads cmdb, CapacityFigures figures, CapacityAdvisor advisor) {
		this.cmdb = cmdb;
		this.figures = figures;
		this.advisor = advisor;
	}

	@Override
	public ReportTemplate template() {
		return TEMPLATE;
	}

	@Override
	public String layout() {
		return "capacity";
	}

	@Override
	public JasperPrint fill(ReportParameters parameters, ReportFilling filling) {
		DateRange period = parameters.period();
		String type = parameters.text(Declarations.CI_TYPE);
		String environment = parameters.optional(Declarations.ENVIRONMENT);
		Duration horizon = Horizons.parse("horizon", parameters.text("horizon"), Duration.ofDays(90));
		List<String> metrics = parameters.list("metrics").stream().map(METRICS::get).toList();
		List<CiRef> cis = this.cmdb.cisOfType(type, environment);
		Map<Key, Figures> read = this.figures.read(cis, metrics, period, horizon);
		Advice advice = this.advisor.advise(type, environment, metrics, horizon, period.to());
		CapacityLines lines = new CapacityLines(filling.times(), horizon, advice);
		List<CapacityRow> rows = new ArrayList<>();
		for (CiRef ci : cis) {
			List<@Nullable Figures> ofCi = new ArrayList<>();
			metrics.forEach((metric) -> ofCi.add(read.get(new Key(ci.id(), metric))));
			String recommendation = lines.recommendation(ci, ofCi);
			for (int i = 0; i < metrics.size(); i++) {
				rows.add(lines.row(ci, metrics.get(i), ofCi.get(i), recommendation));
			}
		}
		Map<String, Object> values = new HashMap<>();
		values.put("HEADING", "Capacity of " + cis.size() + " " + type + ((cis.size() == 1) ? "" : "s"));
		values.put("SCOPE", scope(filling, period, horizon, environment));
		values.put("ADVICE", advice.summary());
		values.put("CURRENCY", advice.currency());
		values.put("CHARTS", RowsDataSource.of(filling.images() ? charts(metrics, rows) : List.of()));
		values.put("UPGRADES", RowsDataSource.of(lines.upgrades(cis)));
		return filling.fill(values, RowsDataSource.of(rows));
	}

	private static String scope(ReportFilling filling, DateRange period, Duration horizon,
			@Nullable String environment) {
		return "Use over " + filling.times().period(period) + ((environment != null) ? " in environment "
				+ environment : " in every environment") + "; forecasts " + horizon.toDays() + " days ahead from "
				+ filling.times().minute(period.to()) + ", exhaustion at 100% with its 80% interval.";
	}

	private static List<ChartRow> charts(List<String> metrics, List<CapacityRow> rows) {
		List<ChartRow> charts = new ArrayList<>();
		for (String metric : metrics) {
			String label = CapacityLines.label(metric);
			List<CapacityRow> top = rows.stream()
				.filter((r) -> r.metric().equals(label) && r.peak() != null)
				.sorted(Comparator.comparing(CapacityRow::peak, Comparator.nullsLast(Comparator.reverseOrder())))
				.limit(CHART_CIS)
				.toList();
			DefaultCategoryDataset data = new DefaultCategoryDataset();
			for (CapacityRow row : top) {
				data.addValue(Objects.requireNonNullElse(row.average(), 0.0), "average", row.ci());
				data.addValue(row.peak(), "peak", row.ci());
			}
			Renderable image = Charts.image(Charts.bars(data, label + " use (%)", true,
					List.of(Charts.LIGHT_BLUE, Charts.BLUE), "0.0"), 515, 190);
			charts.add(new ChartRow(label + ": the " + top.size() + " highest peaks over the period", image));
		}
		return charts;
	}

	/** A chart with its caption. */
	record ChartRow(String title, Renderable image) implements ReportRow {

		@Override
		public @Nullable Object value(String field) {
			return field.equals("title") ? this.title : this.image;
		}

	}

	/** A recommended upgrade as the overview lists it. */
	record UpgradeRow(String ci, String upgrade, @Nullable Long cost, String exhaustion, @Nullable Double confidence)
			implements ReportRow {

		static UpgradeRow of(Recommendation recommendation) {
			return new UpgradeRow(recommendation.name(), CapacityLines.upgrade(recommendation),
					recommendation.estimatedCost(), Objects.requireNonNullElse(recommendation.projectedExhaustion(), ""),
					recommendation.confidence());
		}

		@Override
		public @Nullable Object value(String field) {
			return switch (field) {
				case "ci" -> this.ci;
				case "upgrade" -> this.upgrade;
				case "cost" -> this.cost;
				case "exhaustion" -> this.exhaustion;
				default -> this.confidence;
			};
		}

	}

}
