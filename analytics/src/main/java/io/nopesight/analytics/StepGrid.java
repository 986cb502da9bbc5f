package io.nopesight.analytics;

import java.util.Arrays;
import java.util.List;

import io.nopesight.core.metric.MetricSeries;

/**
 * A series laid on its step's grid from its first point to its last: the values, with the steps that had no
 * sample filled in linearly between their neighbours ({@code filled} says which).
 */
record StepGrid(long first, long step, double[] values, boolean[] filled, int missing) {

	/** The grid of non-empty points at a step of {@code step} seconds. */
	static StepGrid of(List<MetricSeries.Point> points, long step) {
		long first = points.get(0).timestamp().getEpochSecond();
		long last = points.get(points.size() - 1).timestamp().getEpochSecond();
		int length = (int) ((last - first) / step) + 1;
		double[] y = new double[length];
		Arrays.fill(y, Double.NaN);
		for (MetricSeries.Point point : points) {
			y[(int) ((point.timestamp().getEpochSecond() - first) / step)] = point.value();
		}
		boolean[] filled = new boolean[length];
		for (int t = 0; t < length; t++) {
			filled[t] = Double.isNaN(y[t]);
		}
		int missing = SeriesForecaster.interpolate(y);
		return new StepGrid(first, step, y, filled, missing);
	}

	int length() {
		return this.values.length;
	}

}
