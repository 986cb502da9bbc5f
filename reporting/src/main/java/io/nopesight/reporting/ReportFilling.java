package io.nopesight.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;

import io.nopesight.reporting.ReportRendering.RenderContext;

/**
 * One render's filling of a template's layout: what every layout shows besides its data (the title page with the
 * parameters used, when and for whom it was made, the page header and footer), the virtualizer that keeps the
 * filled pages on disk past the first few, and the format: whether the result is cut into pages (PDF) or is one
 * long page (CSV, XLSX, HTML), and whether it shows images. Counts the rows the template's table was filled with.
 */
final class ReportFilling {

	static final Locale LOCALE = Locale.UK;

	private final CompiledReports reports;

	private final ReportSource source;

	private final ReportParameters parameters;

	private final RenderContext context;

	private final JRVirtualizer virtualizer;

	private final ReportFormat format;

	private final ReportTimes times;

	private long rows;

	ReportFilling(CompiledReports reports, ReportSource source, ReportParameters parameters, RenderContext context,
			JRVirtualizer virtualizer, ReportFormat format) {
		this.reports = reports;
		this.source = source;
		this.parameters = parameters;
		this.context = context;
		this.virtualizer = virtualizer;
		this.format = format;
		this.times = new ReportTimes(context.zone());
	}

	RenderContext context() {
		return this.context;
	}

	ReportTimes times() {
		return this.times;
	}

	long rows() {
		return this.rows;
	}

	/** PDF is cut into pages; the other formats are one long page. */
	boolean paginated() {
		return this.format == ReportFormat.PDF;
	}

	/** Whether charts and maps show: CSV has only the table, so they are not drawn for it. */
	boolean images() {
		return this.format != ReportFormat.CSV;
	}

	/**
	 * Fills the template's layout with its own parameters and its table's rows.
	 */
	JasperPrint fill(Map<String, Object> values, JRDataSource table) {
		Map<String, Object> all = new HashMap<>(values);
		all.putAll(frame());
		try {
			return JasperFillManager.getInstance(this.reports.context())
				.fill(this.reports.get(this.source.layout()), all, new Counting(table));
		}
		catch (JRException ex) {
			throw new IllegalStateException("Could not fill report " + this.source.template().id(), ex);
		}
	}

	private Map<String, Object> frame() {
		ReportTemplate template = this.source.template();
		Map<String, Object> frame = new HashMap<>();
		frame.put("TEMPLATE_NAME", template.name());
		frame.put("TEMPLATE_DESCRIPTION", template.description());
		frame.put("GENERATED_AT", this.times.withZone(this.context.asOf()));
		frame.put("REQUESTED_BY", this.context.requestedBy());
		frame.put("PARAMETER_SUMMARY", summary());
		frame.put("TITLE_PAGE", this.reports.get(CompiledReports.TITLE_PAGE));
		frame.put("TITLE_ROWS", RowsDataSource.of(titleRows()));
		frame.put(JRParameter.REPORT_TIME_ZONE, java.util.TimeZone.getTimeZone(this.context.zone()));
		frame.put(JRParameter.REPORT_LOCALE, LOCALE);
		frame.put(JRParameter.REPORT_VIRTUALIZER, this.virtualizer);
		frame.put(JRParameter.IS_IGNORE_PAGINATION, !paginated());
		return frame;
	}

	private List<TitleRow> titleRows() {
		List<TitleRow> rows = new ArrayList<>();
		for (TemplateParameter declared : this.source.template().parameters()) {
			rows.add(new TitleRow(declared.name(), shown(declared)));
		}
		return rows;
	}

	private String summary() {
		List<String> parts = new ArrayList<>();
		for (TemplateParameter declared : this.source.template().parameters()) {
			if (this.parameters.optional(declared.name()) != null) {
				String value = declared.type().equals("date_range") ? this.times.period(this.parameters.period())
						: this.parameters.text(declared.name());
				parts.add(declared.name() + " " + value);
			}
		}
		return String.join("  ·  ", parts);
	}

	private String shown(TemplateParameter declared) {
		String value = this.parameters.optional(declared.name());
		if (value == null) {
			return "(any)";
		}
		if (declared.type().equals("date_range")) {
			return value + ": " + this.times.period(this.parameters.period());
		}
		return value;
	}

	/** A parameter as the title page lists it. */
	record TitleRow(String name, String value) implements ReportRow {

		@Override
		public @Nullable Object value(String field) {
			return field.equals("name") ? this.name : this.value;
		}

	}

	private final class Counting implements JRDataSource {

		private final JRDataSource delegate;

		Counting(JRDataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean next() throws JRException {
			boolean next = this.delegate.next();
			if (next) {
				ReportFilling.this.rows++;
			}
			return next;
		}

		@Override
		public @Nullable Object getFieldValue(JRField field) throws JRException {
			return this.delegate.getFieldValue(field);
		}

	}

}
