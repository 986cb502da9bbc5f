package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The check of a request's parameters against a template's declaration, and their canonical form.
 */
class ParameterValidationTests {

	static final Instant NOW = Instant.parse("2026-12-06T08:30:00Z");

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	private static Map<String, Object> inventory(Map<String, ?> given) {
		return new ParameterValidation(InventoryReport.TEMPLATE, "load_balancer"::equals).validate(given, NOW, ZURICH);
	}

	private static List<FieldError> errors(Runnable validation) {
		return catchThrowableOfType(InvalidInputException.class, validation::run).errors();
	}

	@Test
	void validateWhenNothingIsGivenTakesTheDefaultsAndResolvesTheRange() {
		// when
		Map<String, Object> parameters = inventory(Map.of());
		// then
		assertThat(parameters).containsEntry("ci_type", "all")
			.containsEntry("grouping", "location")
			.containsEntry("date_range", "last_30_days")
			.containsEntry("from", NOW.minus(Duration.ofDays(30)))
			.containsEntry("to", NOW)
			.doesNotContainKey("environment");
	}

	@Test
	void validateWhenValuesAreGivenInAnyCaseKeepsThemInLowerCase() {
		Map<String, Object> parameters = inventory(
				Map.of("ci_type", "Server", "grouping", " DEPARTMENT ", "date_range", "LAST_7_DAYS", "environment", "prod"));
		assertThat(parameters).containsEntry("ci_type", "server")
			.containsEntry("grouping", "department")
			.containsEntry("date_range", "last_7_days")
			.containsEntry("from", NOW.minus(Duration.ofDays(7)))
			.containsEntry("environment", "prod");
	}

	@Test
	void validateWhenGroupingIsUnknownThrowsNamingParametersGrouping() {
		assertThatThrownBy(() -> inventory(Map.of("grouping", "colour"))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("colour")
			.hasMessageContaining("location, type, department, environment");
		assertThat(errors(() -> inventory(Map.of("grouping", "colour")))).extracting(FieldError::field)
			.containsExactly("parameters.grouping");
	}

	@Test
	void validateWhenCustomRangeHasNoToThrowsNamingParametersTo() {
		assertThat(errors(() -> inventory(Map.of("date_range", "custom", "from", "2026-11-01"))))
			.extracting(FieldError::field)
			.containsExactly("parameters.to");
	}

	@Test
	void validateWhenCustomRangeIsGivenInDatesCoversTheirWholeDaysInTheZone() {
		Map<String, Object> parameters = inventory(
				Map.of("date_range", "custom", "from", "2026-11-01", "to", "2026-11-30"));
		assertThat(parameters).containsEntry("date_range", "custom")
			.containsEntry("from", Instant.parse("2026-10-31T23:00:00Z"))
			.containsEntry("to", Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void validateWhenFromAndToAreGivenAloneTakesThemAsACustomRangeOfInstants() {
		Map<String, Object> parameters = inventory(
				Map.of("from", "2026-11-01T06:00:00+01:00", "to", "2026-11-02T00:00:00Z"));
		assertThat(parameters).containsEntry("date_range", "custom")
			.containsEntry("from", Instant.parse("2026-11-01T05:00:00Z"))
			.containsEntry("to", Instant.parse("2026-11-02T00:00:00Z"));
	}

	@Test
	void validateWhenTheRangeIsBackwardsTooLongOrUnreadableThrows() {
		assertThat(errors(() -> inventory(Map.of("date_range", "custom", "from", "2026-11-02", "to", "2026-11-01"))))
			.extracting(FieldError::error)
			.containsExactly("to must be after from");
		assertThat(errors(() -> inventory(Map.of("date_range", "custom", "from", "2025-01-01", "to", "2026-11-01"))))
			.extracting(FieldError::field)
			.containsExactly("parameters.to");
		assertThat(errors(() -> inventory(Map.of("date_range", "custom", "from", "last tuesday", "to", "2026-11-01"))))
			.extracting(FieldError::field)
			.containsExactly("parameters.from");
	}

	@Test
	void validateWhenFromIsGivenWithARelativeRangeThrows() {
		assertThat(errors(() -> inventory(Map.of("date_range", "last_7_days", "from", "2026-11-01"))))
			.extracting(FieldError::field)
			.containsExactly("parameters.from");
	}

	@Test
	void validateWhenSeveralParametersAreWrongNamesEachOfThem() {
		Map<String, Object> given = new HashMap<>();
		given.put("ci_type", "spaceship");
		given.put("grouping", List.of("location"));
		given.put("colour", "blue");
		assertThat(errors(() -> inventory(given))).extracting(FieldError::field)
			.containsExactlyInAnyOrder("parameters.ci_type", "parameters.grouping", "parameters.colour");
	}

	@Test
	void validateWhenTheCiTypeIsNotAKnownOneButCisHaveItAcceptsIt() {
		assertThat(inventory(Map.of("ci_type", "load_balancer"))).containsEntry("ci_type", "load_balancer");
	}

	@Test
	void validateWhenMetricsAreAListOrCommaSeparatedKeepsTheDeclaredOrder() {
		ParameterValidation capacity = new ParameterValidation(CapacityReport.TEMPLATE, (type) -> false);
		assertThat(capacity.validate(Map.of("metrics", List.of("disk", "CPU")), NOW, ZURICH))
			.containsEntry("metrics", "cpu,disk")
			.containsEntry("horizon", "90d")
			.containsEntry("ci_type", "server");
		assertThat(new ParameterValidation(CapacityReport.TEMPLATE, (type) -> false)
			.validate(Map.of("metrics", "memory, memory", "horizon", "180d"), NOW, ZURICH))
			.containsEntry("metrics", "memory")
			.containsEntry("horizon", "180d");
		assertThat(errors(() -> new ParameterValidation(CapacityReport.TEMPLATE, (type) -> false)
			.validate(Map.of("metrics", "cpu,network"), NOW, ZURICH))).extracting(FieldError::field)
			.containsExactly("parameters.metrics");
	}

	@Test
	void validateWhenAnEnvironmentHasCharactersATextMayNotHaveThrows() {
		assertThat(errors(() -> inventory(Map.of("environment", "prod'; DROP TABLE x; --<script>"))))
			.extracting(FieldError::field)
			.containsExactly("parameters.environment");
	}

}
