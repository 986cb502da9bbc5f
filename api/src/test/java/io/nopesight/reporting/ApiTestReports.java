package io.nopesight.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * Small real templates and a text renderer for the API's report tests, in place of the JasperReports ones (in
 * this package because {@link ReportRendering} is the module's own): {@code tpl_api_test} ("API test",
 * category {@code test}, CSV and HTML) and {@code tpl_api_audit} ("API audit", category {@code audit}, CSV),
 * both taking {@code rows} (default 2) and {@code label}. Primary, so they win where the real ones are on the
 * class path too; imported by the tests that use them and deliberately no {@code @Configuration}, so that
 * component scanning never picks them up.
 */
public class ApiTestReports {

	static final List<TemplateParameter> PARAMETERS = List.of(
			new TemplateParameter("rows", "integer", false, "2", List.of(), "how many rows"),
			new TemplateParameter("label", "text", false, null, List.of(), "a label the rows carry"));

	static final List<ReportTemplate> TEMPLATES = List.of(
			new ReportTemplate("tpl_api_test", "API test", "Rows of test data", "test", PARAMETERS,
					List.of(ReportFormat.CSV, ReportFormat.HTML)),
			new ReportTemplate("tpl_api_audit", "API audit", "Rows of test data, filed under audit", "audit", PARAMETERS,
					List.of(ReportFormat.CSV)));

	@Bean
	@Primary
	ReportTemplates apiTestReportTemplates() {
		return new Templates();
	}

	@Bean
	@Primary
	ReportRendering apiTestReportRendering() {
		return new Rendering();
	}

	/**
	 * Checks parameters as the real templates do: unknown names, whole numbers, defaults.
	 */
	static class Templates implements ReportTemplates {

		@Override
		public List<ReportTemplate> list() {
			return TEMPLATES;
		}

		@Override
		public Optional<ReportTemplate> find(String templateId) {
			return TEMPLATES.stream().filter((template) -> template.id().equals(templateId)).findFirst();
		}

		@Override
		public Map<String, Object> validate(String templateId, Map<String, ?> parameters, Instant now, ZoneId zone) {
			find(templateId)
				.orElseThrow(() -> new InvalidInputException("template_id", "Unknown template '" + templateId + "'"));
			List<FieldError> errors = new ArrayList<>();
			Map<String, Object> values = new LinkedHashMap<>(Map.of("rows", 2));
			parameters.forEach((name, value) -> {
				if ("rows".equals(name)) {
					try {
						values.put(name, Integer.parseInt(String.valueOf(value).strip()));
					}
					catch (NumberFormatException ex) {
						errors.add(new FieldError("parameters.rows", "'" + value + "' is not a whole number"));
					}
				}
				else if ("label".equals(name)) {
					values.put(name, String.valueOf(value));
				}
				else {
					errors.add(new FieldError("parameters." + name, "unknown parameter of " + templateId));
				}
			});
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return values;
		}

	}

	/**
	 * CSV rows {@code n,label,requested_by}, or an HTML table of them.
	 */
	static class Rendering implements ReportRendering {

		@Override
		public RenderedReport render(String templateId, Map<String, Object> parameters, ReportFormat format,
				RenderContext context, OutputStream out) {
			int rows = (Integer) parameters.get("rows");
			String label = String.valueOf(parameters.getOrDefault("label", ""));
			StringBuilder text = new StringBuilder((format == ReportFormat.HTML) ? "<table>\n" : "n,label,requested_by\n");
			for (int n = 1; n <= rows; n++) {
				text.append((format == ReportFormat.HTML)
						? "<tr><td>" + n + "</td><td>" + label + "</td></tr>\n"
						: n + "," + label + "," + context.requestedBy() + "\n");
			}
			try {
				out.write(text.append((format == ReportFormat.HTML) ? "</table>\n" : "").toString()
					.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new RenderedReport(1, rows, rows == 0);
		}

	}

}
