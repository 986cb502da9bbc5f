package io.nopesight.analytics.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A robust seasonal profile on the latest level: the level is the median of the last season, the profile
 * the median, over the last {@code seasons} seasons, of each phase's deviation from its own season's median.
 * Medians make it indifferent to the spikes and short level shifts that monitoring series are full of (on
 * the NAB CPU series it beats R's ets). The error sd grows with the seasons crossed, by how much the
 * season medians wander.
 */
public record SeasonalProfile(int period, int seasons) implements ForecastModel {

	@Override
	public String name() {
		return "seasonal profile[" + this.period + "]";
	}

	@Override
	public int minimumLength() {
		return 3 * this.period;
	}

	@Override
	public @Nullable Fit fit(double[] y) {
		int m = this.period;
		if (y.length < minimumLength()) {
			return null;
		}
		int n = y.length;
		double[] profile = profile(y, n, m, this.seasons);
		double level = level(y, n, m, profile);
		// one-season-ahead errors of the same rule at the earlier season boundaries
		double sum = 0;
		int count = 0;
		for (int origin = n - m; origin >= 2 * m; origin -= m) {
			double[] p = profile(y, origin, m, this.seasons);
			double l = level(y, origin, m, p);
			for (int k = 0; k < m && origin + k < n; k++) {
				double e = y[origin + k] - (l + p[k]);
				sum += e * e;
				count++;
			}
		}
		double withinSeason = Math.sqrt(sum / Math.max(1, count));
		// how much the season medians move from one season to the next
		int whole = n / m;
		double drift = 0;
		for (int i = 1; i < whole; i++) {
			double d = median(y, n - i * m, n - (i - 1) * m) - median(y, n - (i + 1) * m, n - i * m);
			drift += d * d;
		}
		double levelChange = (whole > 1) ? Math.sqrt(drift / (whole - 1)) : 0;
		String name = name();
		return new Fit() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public double[] forecast(int h) {
				double[] f = new double[h];
				for (int k = 0; k < h; k++) {
					f[k] = level + profile[(n + k) % m];
				}
				return f;
			}

			@Override
			public double[] standardDeviation(int h) {
				double[] sd = new double[h];
				for (int k = 0; k < h; k++) {
					int crossed = k / m;
					sd[k] = Math.sqrt(withinSeason * withinSeason + crossed * levelChange * levelChange);
				}
				return sd;
			}

		};
	}

	/**
	 * The median of the last half season with the profile taken out: recent enough to follow a level shift
	 * within a day, still a median of many points.
	 */
	private static double level(double[] y, int end, int m, double[] profile) {
		int recent = Math.max(1, (m + 1) / 2);
		double[] adjusted = new double[recent];
		for (int i = 0; i < recent; i++) {
			int t = end - recent + i;
			adjusted[i] = y[t] - profile[t % m];
		}
		return median(adjusted, 0, recent);
	}

	/** Per phase (t mod m), the median of the last seasons' deviations from their own median, ending at end. */
	private static double[] profile(double[] y, int end, int m, int seasons) {
		int available = Math.min(seasons, end / m);
		double[][] deviations = new double[m][available];
		for (int i = 0; i < available; i++) {
			int from = end - (i + 1) * m;
			double median = median(y, from, from + m);
			for (int t = from; t < from + m; t++) {
				deviations[t % m][i] = y[t] - median;
			}
		}
		double[] profile = new double[m];
		for (int phase = 0; phase < m; phase++) {
			profile[phase] = median(deviations[phase], 0, available);
		}
		return profile;
	}

	static double median(double[] values, int from, int to) {
		double[] copy = Arrays.copyOfRange(values, from, to);
		Arrays.sort(copy);
		int n = copy.length;
		return (n % 2 == 1) ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
	}

}
