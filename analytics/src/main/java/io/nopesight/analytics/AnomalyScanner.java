package io.nopesight.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.internal.OneStepAnomalies;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricStep;

/**
 * Lays a series on its step's grid ({@link StepGrid}), splits it at the window's start, flags the window's points outside the
 * 99% one-step interval and merges flags at most {@link #JOIN} steps apart into episodes.
 */
final class AnomalyScanner {

	/** Flags this many steps apart or fewer belong to one episode. */
	static final int JOIN = 2;

	private AnomalyScanner() {
	}

	record Result(String model, int checked, List<AnomalyEpisode> episodes) {
	}

	static @Nullable Result scan(MetricSeries series, Instant from, MetricStep step) {
		List<MetricSeries.Point> points = series.points();
		if (points.isEmpty()) {
			return null;
		}
		long width = step.width().toSeconds();
		StepGrid grid = StepGrid.of(points, width);
		long first = grid.first();
		int length = grid.length();
		double[] y = grid.values();
		boolean[] filled = grid.filled();
		int split = (int) Math.max(0, Math.ceil((double) (from.getEpochSecond() - first) / width));
		if (split >= length) {
			return null;
		}
		int period = SeriesForecaster.periods(step, length)[0];
		double[] history = Arrays.copyOf(y, split);
		double[] window = Arrays.copyOfRange(y, split, length);
		OneStepAnomalies.Scan scan = OneStepAnomalies.scan(history, window, Arrays.copyOfRange(filled, split, length),
				period, SeriesForecaster.MIN_POINTS);
		if (scan == null) {
			return null;
		}
		long start = first + split * width;
		return new Result(scan.model(), window.length, episodes(scan.flags(), start, width));
	}

	private static List<AnomalyEpisode> episodes(List<OneStepAnomalies.Flag> flags, long start, long width) {
		List<AnomalyEpisode> episodes = new ArrayList<>();
		int i = 0;
		while (i < flags.size()) {
			int j = i;
			while (j + 1 < flags.size() && flags.get(j + 1).index() - flags.get(j).index() <= JOIN) {
				j++;
			}
			OneStepAnomalies.Flag peak = flags.get(i);
			for (int k = i; k <= j; k++) {
				if (Math.abs(flags.get(k).sigmas()) > Math.abs(peak.sigmas())) {
					peak = flags.get(k);
				}
			}
			episodes.add(new AnomalyEpisode(Instant.ofEpochSecond(start + flags.get(i).index() * width),
					Instant.ofEpochSecond(start + flags.get(j).index() * width), j - i + 1, peak.value(),
					round(peak.expected()), round(peak.value() - peak.expected()), round(peak.sigmas()),
					(peak.sigmas() > 0) ? "above" : "below"));
			i = j + 1;
		}
		return episodes;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
