package io.nopesight.core.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSampleRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

	private final MetricSampleRules rules = new MetricSampleRules(new MetricSettings(null, null, null), NOW);

	@Test
	void fieldProblemWhenEveryFieldIsGoodIsNull() {
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu_usage", NOW, 1.0, Map.of("core", "0"))).isNull();
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu_usage", NOW, 1.0, null)).isNull();
	}

	@Test
	void fieldProblemWhenAFieldBreaksARuleNamesTheFirst() {
		Map<String, String> nullLabel = new HashMap<>();
		nullLabel.put("core", null);
		assertThat(MetricSampleRules.fieldProblem(null, null, null, null, null)).isEqualTo("ci is required");
		assertThat(MetricSampleRules.fieldProblem(" ", "cpu", NOW, 1.0, null)).isEqualTo("ci is empty");
		assertThat(MetricSampleRules.fieldProblem("web-01", null, NOW, 1.0, null))
			.isEqualTo("metric is required (1 to 200 characters)");
		assertThat(MetricSampleRules.fieldProblem("web-01", "x".repeat(201), NOW, 1.0, null))
			.isEqualTo("metric name must be 1 to 200 characters");
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu", null, 1.0, null))
			.startsWith("timestamp is required: an RFC 3339 date-time");
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu", NOW, null, null)).isEqualTo("value is required");
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu", NOW, Double.NaN, null))
			.isEqualTo("value must be a finite number");
		assertThat(MetricSampleRules.fieldProblem("web-01", "cpu", NOW, 1.0, nullLabel))
			.isEqualTo("labels must map names to strings");
	}

	@Test
	void windowProblemWhenTimeIsOutsideTheKeptWindowSaysWhich() {
		assertThat(this.rules.windowProblem(NOW.plus(Duration.ofHours(23)), 1)).isNull();
		assertThat(this.rules.windowProblem(NOW.plus(Duration.ofHours(25)), 1))
			.isEqualTo("timestamp 2026-11-02T13:00:00Z is more than 24h in the future");
		assertThat(this.rules.windowProblem(NOW.minus(Duration.ofDays(731)), 1))
			.isEqualTo("timestamp 2024-10-31T12:00:00Z is older than the 730-day retention");
		assertThat(this.rules.windowProblem(NOW, Double.POSITIVE_INFINITY)).isEqualTo("value must be a finite number");
	}

}
