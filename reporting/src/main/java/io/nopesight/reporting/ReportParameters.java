package io.nopesight.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The parameters a report is filled with, as {@link ReportTemplates#validate} returned them; read by the templates.
 * Tolerates the instants coming back as text, as they do when a queue keeps the parameters as JSON.
 */
record ReportParameters(Map<String, ?> values) {

	String text(String name) {
		String value = optional(name);
		if (value == null) {
			throw new IllegalArgumentException("Report parameter '" + name + "' was not validated");
		}
		return value;
	}

	@Nullable String optional(String name) {
		Object value = this.values.get(name);
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

	/** A {@code choices} parameter's values, in their canonical order. */
	List<String> list(String name) {
		return Arrays.stream(text(name).split(",")).map(String::strip).filter((v) -> !v.isEmpty()).toList();
	}

	DateRange period() {
		return new DateRange(text(DateRange.PARAMETER), DateRange.instant("from", this.values.get("from")),
				DateRange.instant("to", this.values.get("to")));
	}

}
