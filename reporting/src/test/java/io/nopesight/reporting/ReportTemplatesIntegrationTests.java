package io.nopesight.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The templates as the API lists them, and the check of parameters that needs the CMDB.
 */
@ReportingDemoTest
class ReportTemplatesIntegrationTests {

	@Autowired
	ReportTemplates templates;

	@Autowired
	CmdbManagement cmdb;

	@Test
	void listWhenAskedHasTheFourTemplatesEachInEveryFormat() {
		assertThat(this.templates.list()).extracting(ReportTemplate::id)
			.containsExactly("tpl_capacity", "tpl_events", "tpl_inventory", "tpl_service_health");
		assertThat(this.templates.list()).allSatisfy((t) -> {
			assertThat(t.formats()).containsExactly(ReportFormat.values());
			assertThat(t.parameters()).extracting(TemplateParameter::name).contains("date_range");
		});
		assertThat(this.templates.find("tpl_inventory").orElseThrow().parameters())
			.extracting(TemplateParameter::name)
			.containsExactly("ci_type", "date_range", "grouping", "environment");
	}

	@Test
	void validateWhenTheTemplateIsUnknownThrowsNamingTemplateId() {
		InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
				() -> this.templates.validate("tpl_weather", Map.of(), Instant.now(), ZoneId.of("UTC")));
		assertThat(thrown.errors()).extracting(FieldError::field).containsExactly("template_id");
		assertThat(thrown).hasMessageContaining("tpl_inventory");
	}

	@Test
	void validateWhenCisOfAnUnlistedTypeExistTakesThatTypeAndOtherwiseNot() {
		// given
		this.cmdb.create(new NewConfigurationItem("RPT-LB-01", "load_balancer", "active", null, Map.of(), Map.of()),
				"tester");
		// when
		Map<String, Object> taken = this.templates.validate("tpl_inventory", Map.of("ci_type", "load_balancer"),
				Instant.now(), ZoneId.of("UTC"));
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> this.templates
			.validate("tpl_inventory", Map.of("ci_type", "hovercraft"), Instant.now(), ZoneId.of("UTC")));
		// then
		assertThat(taken).containsEntry("ci_type", "load_balancer");
		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("parameters.ci_type");
	}

}
