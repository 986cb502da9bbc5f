package io.nopesight.analytics.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NAB benchmark's accuracy (not its time, which the benchmark reports): on the ten real CloudWatch CPU
 * series our forecaster's median MASE stays at or below 0.80, better than R's ets (0.824).
 */
class NabAccuracyTests {

	@Test
	void medianMaseBeatsRsEts() throws IOException {
		Map<String, double[]> hourly = new LinkedHashMap<>();
		for (String series : NabBenchmark.SERIES) {
			hourly.put(series, NabBenchmark.hourlyMeans(series));
		}
		NabBenchmark.Run run = NabBenchmark.run(hourly);
		assertThat(run.results()).hasSize(10);
		assertThat(run.medianMase()).isLessThanOrEqualTo(0.80);
	}

}
