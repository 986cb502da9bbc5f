package io.nopesight.core.metric;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The order that sorts samples by series and time, stably. Files and scrapes are usually written time
 * first (every series at one time, then the next time), so the common case is a counting sort by series
 * over rows already in time order: linear, and no boxed comparisons of 50 000 indexes per chunk.
 */
final class SampleOrder {

	private SampleOrder() {
	}

	/**
	 * The sorting permutation, or {@code null} when the rows are sorted already.
	 */
	static int @Nullable [] bySeriesAndTime(int[] series, long[] micros, int n) {
		boolean sorted = true;
		boolean timeOrdered = true;
		int min = Integer.MAX_VALUE;
		int max = Integer.MIN_VALUE;
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				boolean timeStep = micros[i] >= micros[i - 1];
				timeOrdered &= timeStep;
				sorted &= series[i] > series[i - 1] || (series[i] == series[i - 1] && timeStep);
			}
			min = Math.min(min, series[i]);
			max = Math.max(max, series[i]);
		}
		if (sorted) {
			return null;
		}
		long range = (long) max - min + 1;
		if (timeOrdered && range <= 4L * n + 1024) {
			return countingSortBySeries(series, n, min, (int) range);
		}
		return comparisonSort(series, micros, n);
	}

	private static int[] countingSortBySeries(int[] series, int n, int min, int range) {
		int[] start = new int[range + 1];
		for (int i = 0; i < n; i++) {
			start[series[i] - min + 1]++;
		}
		for (int k = 1; k <= range; k++) {
			start[k] += start[k - 1];
		}
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[start[series[i] - min]++] = i;
		}
		return order;
	}

	private static int[] comparisonSort(int[] series, long[] micros, int n) {
		Integer[] boxed = new Integer[n];
		for (int i = 0; i < n; i++) {
			boxed[i] = i;
		}
		// Arrays.sort on objects is stable: of two rows with the same series and time the first stays first
		Arrays.sort(boxed, (a, b) -> (series[a] != series[b]) ? Integer.compare(series[a], series[b])
				: Long.compare(micros[a], micros[b]));
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = boxed[i];
		}
		return order;
	}

}
