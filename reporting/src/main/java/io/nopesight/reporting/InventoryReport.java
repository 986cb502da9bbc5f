package io.nopesight.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JasperPrint;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.reporting.JdbcInventoryReads.GroupCount;
import io.nopesight.reporting.JdbcInventoryReads.InventoryFilter;

/**
 * {@code tpl_inventory}: the CIs created or updated in the period, grouped by site, type, department or
 * environment: first how many each group has (a chart and a table), then every CI under its group. The CIs are
 * streamed from a cursor into the report, so the inventory of a large estate is never in memory whole.
 */
@Component
class InventoryReport implements ReportSource {

	static final String ID = "tpl_inventory";

	static final List<String> GROUPINGS = List.of("location", "type", "department", "environment");

	/** Groups the chart shows by name; the rest are one bar. */
	private static final int CHART_GROUPS = 15;

	static final ReportTemplate TEMPLATE = new ReportTemplate(ID, "CI inventory",
			"Configuration items created or updated in the period, grouped by location, type, department or"
					+ " environment, with how many each group has",
			"inventory",
			List.of(Declarations.ciType(Declarations.ALL, true, "Which CIs: one type, or all"),
					Declarations.dateRange("last_30_days", "Which CIs: those created or updated in this period"),
					Declarations.choice("grouping", "location", GROUPINGS,
							"How CIs are grouped: by site (the location up to its first dash: DC1-RACK-11 is DC1),"
									+ " type, department or environment"),
					Declarations.environment("Only CIs of this environment (custom field environment), any case")),
			List.of(ReportFormat.values()));

	private final JdbcInventoryReads reads;

	private final TransactionTemplate readOnly;

	InventoryReport(JdbcInventoryReads reads, PlatformTransactionManager transactions) {
		this.reads = reads;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public ReportTemplate template() {
		return TEMPLATE;
	}

	@Override
	public String layout() {
		return "inventory";
	}

	@Override
	public JasperPrint fill(ReportParameters parameters, ReportFilling filling) {
		DateRange period = parameters.period();
		String type = parameters.text(Declarations.CI_TYPE);
		InventoryFilter filter = new InventoryFilter(type.equals(Declarations.ALL) ? null : type,
				parameters.optional(Declarations.ENVIRONMENT), parameters.text("grouping"), period.from(), period.to());
		List<GroupCount> counts = this.reads.counts(filter);
		Map<String, Object> values = overview(filter, counts, filling);
		// the cursor lives in a read-only transaction for as long as the layout is being filled from it
		return this.readOnly.execute((status) -> {
			try (Stream<InventoryRow> rows = this.reads.rows(filter)) {
				return filling.fill(values, new RowsDataSource(rows.iterator()));
			}
		});
	}

	private Map<String, Object> overview(InventoryFilter filter, List<GroupCount> counts, ReportFilling filling) {
		long total = counts.stream().mapToLong(GroupCount::count).sum();
		Map<String, Object> values = new HashMap<>();
		values.put("GROUPING", label(filter.grouping()));
		values.put("SCOPE", scope(filter, total, filling.times().period(new DateRange("", filter.from(), filter.to()))));
		values.put("GROUP_COUNTS", RowsDataSource.of(counts.stream().map((c) -> share(c, total)).toList()));
		if (filling.images()) {
			values.put("GROUP_CHART", Charts.image(
					Charts.bars(dataset(counts), "CIs", true, List.of(Charts.BLUE), "#,##0"), 515, 230));
		}
		return values;
	}

	private static String label(String grouping) {
		return grouping.equals("location") ? "site" : grouping;
	}

	private static String scope(InventoryFilter filter, long total, String period) {
		String what = (filter.type() != null) ? "of type " + filter.type() : "of every type";
		String where = (filter.environment() != null) ? "in environment " + filter.environment()
				: "in every environment";
		return String.format(ReportFilling.LOCALE, "%,d configuration item%s %s %s, created or updated %s.", total,
				(total == 1) ? "" : "s", what, where, period);
	}

	private static DefaultCategoryDataset dataset(List<GroupCount> counts) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		long other = 0;
		for (int i = 0; i < counts.size(); i++) {
			if (i < CHART_GROUPS) {
				data.addValue(counts.get(i).count(), "CIs", counts.get(i).group());
			}
			else {
				other += counts.get(i).count();
			}
		}
		if (other > 0) {
			data.addValue(other, "CIs", (counts.size() - CHART_GROUPS) + " other groups");
		}
		return data;
	}

	private static Share share(GroupCount count, long total) {
		return new Share(count.group(), count.count(), (total == 0) ? 0 : (double) count.count() / total);
	}

	/** A group's line in the overview table. */
	record Share(String group, long count, double share) implements ReportRow {

		@Override
		public @Nullable Object value(String field) {
			return switch (field) {
				case "group" -> this.group;
				case "count" -> this.count;
				default -> this.share;
			};
		}

	}

}
