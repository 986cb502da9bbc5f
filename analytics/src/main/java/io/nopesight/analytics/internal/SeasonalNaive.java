package io.nopesight.analytics.internal;

import org.jspecify.annotations.Nullable;

/**
 * Each step repeats the value one season earlier (the last value when there is no season). Its k-step
 * error grows with the seasons crossed: sd = sigma * sqrt(ceil(k / m)).
 */
public record SeasonalNaive(int period) implements ForecastModel {

	@Override
	public String name() {
		return (this.period > 1) ? "seasonal naive[" + this.period + "]" : "naive";
	}

	@Override
	public int minimumLength() {
		return Math.max(2, this.period + 2);
	}

	@Override
	public @Nullable Fit fit(double[] y) {
		int m = Math.max(1, this.period);
		if (y.length < minimumLength()) {
			return null;
		}
		double sum = 0;
		for (int t = m; t < y.length; t++) {
			double e = y[t] - y[t - m];
			sum += e * e;
		}
		double sigma = Math.sqrt(sum / (y.length - m));
		double[] last = java.util.Arrays.copyOfRange(y, y.length - m, y.length);
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
					f[k] = last[k % m];
				}
				return f;
			}

			@Override
			public double[] standardDeviation(int h) {
				double[] sd = new double[h];
				for (int k = 0; k < h; k++) {
					sd[k] = sigma * Math.sqrt(k / m + 1);
				}
				return sd;
			}

		};
	}

}
