package io.nopesight.reporting;

import java.util.List;

/**
 * A report template as {@code GET /v1/reports/templates} lists it: id ({@code tpl_inventory}), name, what it shows,
 * its category, the parameters it declares and the formats it renders.
 */
public record ReportTemplate(String id, String name, String description, String category,
		List<TemplateParameter> parameters, List<ReportFormat> formats) {

	public ReportTemplate {
		parameters = List.copyOf(parameters);
		formats = List.copyOf(formats);
	}

}
