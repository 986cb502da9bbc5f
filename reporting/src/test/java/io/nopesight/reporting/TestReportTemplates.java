package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * Two templates for tests, checked as the real ones are: {@code tpl_test} ("Test report", category
 * {@code test}, CSV and HTML) and {@code tpl_test_audit} ("Test audit", category {@code audit}, CSV only).
 * Their parameters: {@code rows} (how many, default 3; 0 renders an empty report), {@code label} (counted per
 * render by {@link TestReportRendering}), {@code mode} ({@code normal}, {@code fail}: the render throws,
 * {@code block}: the first render of a label waits until interrupted) and {@code period} (a date range).
 */
class TestReportTemplates implements ReportTemplates {

	static final String TEST = "tpl_test";

	static final String AUDIT = "tpl_test_audit";

	private static final List<TemplateParameter> PARAMETERS = List.of(
			new TemplateParameter("rows", "integer", false, "3", List.of(), "how many rows"),
			new TemplateParameter("label", "text", false, null, List.of(), "a label the rows carry"),
			new TemplateParameter("mode", "choice", false, "normal", List.of("normal", "fail", "block"),
					"how the render behaves"),
			new TemplateParameter("period", "date_range", false, "last_7_days",
					List.of("last_7_days", "last_30_days"), "the period the rows cover"));

	private static final List<ReportTemplate> TEMPLATES = List.of(
			new ReportTemplate(TEST, "Test report", "Rows of test data", "test", PARAMETERS,
					List.of(ReportFormat.CSV, ReportFormat.HTML)),
			new ReportTemplate(AUDIT, "Test audit", "Rows of test data, filed under audit", "audit", PARAMETERS,
					List.of(ReportFormat.CSV)));

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
		ReportTemplate template = find(templateId)
			.orElseThrow(() -> new InvalidInputException("template_id", "Unknown template '" + templateId + "'"));
		List<FieldError> errors = new ArrayList<>();
		parameters.keySet()
			.stream()
			.filter((name) -> template.parameters().stream().noneMatch((p) -> p.name().equals(name)))
			.forEach((name) -> errors.add(new FieldError("parameters." + name, "unknown parameter of " + templateId)));
		Map<String, Object> values = new LinkedHashMap<>();
		for (TemplateParameter parameter : template.parameters()) {
			Object given = parameters.containsKey(parameter.name()) ? parameters.get(parameter.name())
					: parameter.defaultValue();
			if (given != null) {
				values.put(parameter.name(), value(parameter, given, errors));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Duration period = "last_30_days".equals(values.get("period")) ? Duration.ofDays(30) : Duration.ofDays(7);
		values.put("from", now.minus(period));
		values.put("to", now);
		return values;
	}

	private static Object value(TemplateParameter parameter, Object given, List<FieldError> errors) {
		String field = "parameters." + parameter.name();
		String text = String.valueOf(given).strip();
		if ("integer".equals(parameter.type())) {
			try {
				int number = Integer.parseInt(text);
				if (number < 0 || number > 100_000) {
					errors.add(new FieldError(field, "must be between 0 and 100000"));
				}
				return number;
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError(field, "'" + text + "' is not a whole number"));
				return 0;
			}
		}
		if (!parameter.allowed().isEmpty() && !parameter.allowed().contains(text)) {
			errors.add(new FieldError(field, "'" + text + "' is not one of " + parameter.allowed()));
		}
		return text;
	}

}
