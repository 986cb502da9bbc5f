package io.nopesight.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates reports are rendered from, and the check of a request's parameters against what a template
 * declares.
 */
public interface ReportTemplates {

	List<ReportTemplate> list();

	Optional<ReportTemplate> find(String templateId);

	/**
	 * The parameters as the template will be filled with them: each checked against its declaration, defaults
	 * added, values in their canonical form (a {@code date_range} becomes {@code from} and {@code to} instants too).
	 * @throws io.nopesight.core.InvalidInputException naming {@code template_id} when there is no such template, or
	 * {@code parameters.<name>} for a parameter that is unknown, missing or wrong
	 */
	Map<String, Object> validate(String templateId, Map<String, ?> parameters, java.time.Instant now,
			java.time.ZoneId zone);

}
