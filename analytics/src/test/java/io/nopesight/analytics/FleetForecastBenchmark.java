package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricStep;

/**
 * A fleet forecast's model work without the database: 200 servers' 8 weeks of hourly disk and CPU use (disks
 * growing or flat, CPUs with a daily cycle), forecast 30 days ahead on as many threads as there are cores,
 * first cold (every model chosen by backtest) and then again (every model from the cache).
 * <p>
 * {@code ./mvnw -q -pl analytics -am test-compile exec:java -Pbench-forecast -Dbench.part=fleet}
 */
public final class FleetForecastBenchmark {

	static final int SERVERS = 200;

	static final int HOURS = 56 * 24;

	static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

	private FleetForecastBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<MetricSeries> fleet = fleet();
		SeriesForecaster forecaster = new SeriesForecaster(new AnalyticsSettings(20_000, 0, 0.2, 0.7, 0.1));
		int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			// warm the JIT on another forecaster, as a running server would be
			SeriesForecaster warm = new SeriesForecaster(new AnalyticsSettings(20_000, 0, 0.2, 0.7, 0.1));
			run(warm, fleet.subList(0, 40), pool);
			double[] cold = run(forecaster, fleet, pool);
			double[] cached = run(forecaster, fleet, pool);
			System.out.printf(Locale.ROOT,
					"fleet forecast, %d servers x 2 metrics (%d series of %d hourly points), 30 days ahead, %d threads:%n"
							+ "  cold (every model chosen by backtest): %.2f s, %.1f ms CPU per series, %d with an exhaustion date%n"
							+ "  again (every model from the cache):    %.3f s%n",
					SERVERS, fleet.size(), HOURS, threads, cold[0], cold[1], (int) cold[2], cached[0]);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Elapsed seconds, CPU ms per series (all threads) and how many reach 100% in the horizon. */
	private static double[] run(SeriesForecaster forecaster, List<MetricSeries> fleet, ExecutorService pool)
			throws Exception {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		List<Future<long[]>> pending = new ArrayList<>();
		for (MetricSeries series : fleet) {
			pending.add(pool.submit(() -> {
				long cpu = threads.getCurrentThreadCpuTime();
				CapacityForecast forecast = forecaster.forecast(new SeriesForecaster.Ask(series.ciId(), series.metric(),
						AS_OF, MetricStep.HOUR, Duration.ofDays(30), 100), series).forecast();
				boolean exhausts = forecast.exhaustion() != null && forecast.exhaustion().expected() != null;
				return new long[] { threads.getCurrentThreadCpuTime() - cpu, exhausts ? 1 : 0 };
			}));
		}
		long cpu = 0;
		int exhausting = 0;
		for (Future<long[]> future : pending) {
			long[] result = future.get();
			cpu += result[0];
			exhausting += (int) result[1];
		}
		return new double[] { (System.nanoTime() - start) / 1e9, cpu / 1e6 / fleet.size(), exhausting };
	}

	public static List<MetricSeries> fleetForTests() {
		return fleet();
	}

	static List<MetricSeries> fleet() {
		Random random = new Random(42);
		List<MetricSeries> fleet = new ArrayList<>();
		for (int s = 0; s < SERVERS; s++) {
			double diskStart = 20 + 50 * random.nextDouble();
			double diskPerDay = (s % 5 == 0) ? 0.3 + random.nextDouble() : 0.02 * random.nextDouble();
			double cpuLevel = 10 + 50 * random.nextDouble();
			double cpuSwing = 5 + 15 * random.nextDouble();
			List<MetricSeries.Point> disk = new ArrayList<>(HOURS);
			List<MetricSeries.Point> cpu = new ArrayList<>(HOURS);
			for (int h = 0; h < HOURS; h++) {
				Instant at = AS_OF.minus(Duration.ofHours(HOURS - h));
				disk.add(new MetricSeries.Point(at, diskStart + diskPerDay * h / 24 + 0.2 * random.nextGaussian()));
				cpu.add(new MetricSeries.Point(at, Math.max(0, cpuLevel + cpuSwing * Math.sin(2 * Math.PI * h / 24)
						+ 4 * random.nextGaussian())));
			}
			fleet.add(new MetricSeries("ci_bench_" + s, "disk_usage", Map.of(), disk));
			fleet.add(new MetricSeries("ci_bench_" + s, "cpu_usage", Map.of(), cpu));
		}
		return fleet;
	}

}
