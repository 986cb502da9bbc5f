package io.nopesight.api.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.reporting.ReportFormat;
import io.nopesight.reporting.ReportTemplate;
import io.nopesight.reporting.TemplateParameter;

/**
 * A template in {@code GET /v1/reports/templates}: what it shows, the parameters it takes and the formats it
 * renders.
 */
record TemplateResponse(String templateId, String name, String description, String category,
		List<ParameterResponse> parameters, List<String> formats) {

	static TemplateResponse from(ReportTemplate template) {
		return new TemplateResponse(template.id(), template.name(), template.description(), template.category(),
				template.parameters().stream().map(ParameterResponse::from).toList(),
				template.formats().stream().map(ReportFormat::key).toList());
	}

	/**
	 * One declared parameter: its type, whether it must be given, its default and its allowed values.
	 */
	record ParameterResponse(String name, String type, boolean required, @Nullable String defaultValue,
			List<String> allowed, String description) {

		static ParameterResponse from(TemplateParameter parameter) {
			return new ParameterResponse(parameter.name(), parameter.type(), parameter.required(),
					parameter.defaultValue(), parameter.allowed(), parameter.description());
		}

	}

	/**
	 * The list, {@code {"data": [...]}}: a handful of templates, no pages.
	 */
	record TemplateList(List<TemplateResponse> data) {
	}

}
