package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import io.nopesight.core.InvalidInputException;

/**
 * The templates the report sources declare, in id order, and the check of a request's parameters against them.
 */
@Component
class JasperReportTemplates implements ReportTemplates {

	private final List<ReportTemplate> templates;

	private final JdbcInventoryReads inventory;

	JasperReportTemplates(List<ReportSource> sources, JdbcInventoryReads inventory) {
		this.templates = sources.stream()
			.map(ReportSource::template)
			.sorted(Comparator.comparing(ReportTemplate::id))
			.toList();
		this.inventory = inventory;
	}

	@Override
	public List<ReportTemplate> list() {
		return this.templates;
	}

	@Override
	public Optional<ReportTemplate> find(String templateId) {
		return this.templates.stream().filter((t) -> t.id().equals(templateId)).findFirst();
	}

	@Override
	public Map<String, Object> validate(String templateId, Map<String, ?> parameters, Instant now, ZoneId zone) {
		Assert.notNull(parameters, "'parameters' must not be null");
		ReportTemplate template = find(templateId).orElseThrow(() -> new InvalidInputException("template_id",
				"Unknown report template '" + templateId + "': use one of "
						+ String.join(", ", this.templates.stream().map(ReportTemplate::id).toList())));
		return new ParameterValidation(template, this.inventory::typeExists).validate(parameters, now, zone);
	}

}
