package io.nopesight.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Our forecaster on the ten NAB AWS CloudWatch CPU series the way {@code forecast-baselines} ran R's
 * {@code forecast} package and statsmodels on them: 5-minute points to hourly means (floored to the hour),
 * the first 80% to train on, one forecast of the remaining 20% (68 steps), MASE against the lag-24 seasonal
 * naive's in-sample error and sMAPE. Prints each series beside R's figures and the total fit time.
 * <p>
 * {@code ./mvnw -q -pl analytics -am test-compile exec:java -Pbench-forecast} (with
 * {@code -Dbench.part=nab} or {@code fleet} for one part; the fleet part is {@code FleetForecastBenchmark})
 */
public final class NabBenchmark {

	static final List<String> SERIES = List.of("ec2_cpu_utilization_24ae8d", "ec2_cpu_utilization_53ea38",
			"ec2_cpu_utilization_5f5533", "ec2_cpu_utilization_77c1ca", "ec2_cpu_utilization_825cc2",
			"ec2_cpu_utilization_ac20cd", "ec2_cpu_utilization_c6585a", "ec2_cpu_utilization_fe7f93",
			"rds_cpu_utilization_cc0c53", "rds_cpu_utilization_e47b3b");

	static final int SEASON = 24;

	/** One series' result: our model, MASE and sMAPE. */
	record Result(String series, String model, double mase, double smape) {
	}

	/** All series' results and the time spent choosing and fitting the models (not reading the files). */
	record Run(List<Result> results, double seconds) {

		double medianMase() {
			return median(this.results.stream().mapToDouble(Result::mase).toArray());
		}

		double medianSmape() {
			return median(this.results.stream().mapToDouble(Result::smape).toArray());
		}

	}

	private NabBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		if (Boolean.getBoolean("bench.candidates")) {
			NabDiagnostics.main(args);
			return;
		}
		String part = System.getProperty("bench.part", "all");
		if (!part.equals("fleet")) {
			nab();
		}
		if (!part.equals("nab")) {
			System.out.println();
			try {
				io.nopesight.analytics.FleetForecastBenchmark.main(args);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void nab() throws IOException {
		Map<String, double[]> hourly = new LinkedHashMap<>();
		for (String series : SERIES) {
			hourly.put(series, hourlyMeans(series));
		}
		// one untimed run warms the JIT, as R's figures exclude its start-up
		run(hourly);
		Run run = run(hourly);
		Map<String, Map<String, Double>> r = baselines("r-baselines.csv", "method", "MASE");
		System.out.printf(Locale.ROOT, "%-28s %-52s %7s %7s %7s %7s %7s%n", "series", "NopeSight model", "MASE",
				"sMAPE", "R ets", "R arima", "snaive");
		for (Result result : run.results()) {
			Map<String, Double> peer = r.getOrDefault(result.series() + ".csv", Map.of());
			System.out.printf(Locale.ROOT, "%-28s %-52s %7.3f %7.2f %7.3f %7.3f %7.3f%n", result.series(),
					result.model(), result.mase(), result.smape(), peer.getOrDefault("ets", Double.NaN),
					peer.getOrDefault("auto.arima", Double.NaN), peer.getOrDefault("snaive", Double.NaN));
		}
		System.out.printf(Locale.ROOT,
				"%nmedian MASE: NopeSight %.3f | R ets 0.824 (21.2 s) | R auto.arima 1.156 (28.0 s) | snaive 1.612 |"
						+ " statsmodels Holt-Winters 0.915%nmedian sMAPE: NopeSight %.2f %% | R ets 6.56 %%%n"
						+ "fit time for the 10 series: NopeSight %.2f s (goal: median MASE <= 0.80 in under 2 s)%n",
				run.medianMase(), run.medianSmape(), run.seconds());
	}

	static Run run(Map<String, double[]> hourly) {
		long start = System.nanoTime();
		List<Result> results = new ArrayList<>();
		hourly.forEach((series, y) -> {
			int train = (int) Math.floor(0.8 * y.length);
			int h = y.length - train;
			double[] history = Arrays.copyOf(y, train);
			double[] actual = Arrays.copyOfRange(y, train, y.length);
			Selection selection = Objects.requireNonNull(ModelSelection.choose(history, new int[] { SEASON }, h));
			double[] forecast = selection.fit().forecast(h);
			results.add(new Result(series, selection.fit().name(),
					Accuracy.mase(history, actual, forecast, SEASON), Accuracy.smape(actual, forecast)));
		});
		return new Run(results, (System.nanoTime() - start) / 1e9);
	}

	/** The series' 5-minute points averaged per hour (floored), in time order. */
	static double[] hourlyMeans(String series) throws IOException {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		TreeMap<LocalDateTime, double[]> hours = new TreeMap<>();
		try (BufferedReader reader = reader("nab/" + series + ".csv")) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = line.split(",");
				LocalDateTime hour = LocalDateTime.parse(fields[0], format).truncatedTo(ChronoUnit.HOURS);
				double[] sum = hours.computeIfAbsent(hour, (k) -> new double[2]);
				sum[0] += Double.parseDouble(fields[1]);
				sum[1]++;
			}
		}
		return hours.values().stream().mapToDouble((s) -> s[0] / s[1]).toArray();
	}

	/** The peers' figures per series file and method, from a results CSV of forecast-baselines. */
	static Map<String, Map<String, Double>> baselines(String file, String methodColumn, String valueColumn)
			throws IOException {
		Map<String, Map<String, Double>> values = new LinkedHashMap<>();
		try (BufferedReader reader = reader("nab/" + file)) {
			List<String> header = Arrays.asList(unquote(reader.readLine()).split(","));
			int method = header.indexOf(methodColumn);
			int value = header.indexOf(valueColumn);
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] fields = unquote(line).split(",");
				values.computeIfAbsent(fields[0], (k) -> new LinkedHashMap<>())
					.put(fields[method], Double.parseDouble(fields[value]));
			}
		}
		return values;
	}

	private static String unquote(String line) {
		return line.replace("\"", "");
	}

	private static BufferedReader reader(String resource) {
		InputStream stream = Objects.requireNonNull(NabBenchmark.class.getClassLoader().getResourceAsStream(resource),
				resource);
		return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
