package io.nopesight.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series of the demo estate (core's copy, on the classpath) at the steps the API forecasts at: hourly and
 * as daily means. Daily disk series are near-perfect lines, on which the optimiser's line search once circled
 * without end; every one must now be chosen a model.
 */
class DemoSeriesFitTests {

	@Test
	void everyDemoSeriesGetsAModelHourlyAndDaily() throws IOException {
		Map<String, List<Double>> hourly = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Objects
			.requireNonNull(getClass().getClassLoader().getResourceAsStream("demo/core/metrics.csv.gz"))),
				StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] f = line.split(",");
				hourly.computeIfAbsent(f[0] + " " + f[1], (k) -> new ArrayList<>()).add(Double.parseDouble(f[3]));
			}
		}
		int chosen = 0;
		for (Map.Entry<String, List<Double>> series : hourly.entrySet()) {
			double[] y = series.getValue().stream().mapToDouble(Double::doubleValue).toArray();
			double[] daily = new double[y.length / 24];
			for (int d = 0; d < daily.length; d++) {
				for (int h = 0; h < 24; h++) {
					daily[d] += y[d * 24 + h] / 24;
				}
			}
			assertThat(ModelSelection.choose(daily, new int[] { 7 }, 90)).as(series.getKey()).isNotNull();
			if (series.getKey().endsWith("disk_usage")) {
				assertThat(ModelSelection.choose(y, new int[] { 24 }, 30 * 24)).as(series.getKey()).isNotNull();
			}
			chosen++;
		}
		assertThat(chosen).isGreaterThan(300);
	}

}
