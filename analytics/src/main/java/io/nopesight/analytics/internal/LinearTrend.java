package io.nopesight.analytics.internal;

import org.jspecify.annotations.Nullable;

/**
 * A straight line through the whole history (least squares), with the regression's prediction interval.
 */
public record LinearTrend() implements ForecastModel {

	@Override
	public String name() {
		return "linear trend";
	}

	@Override
	public int minimumLength() {
		return 6;
	}

	@Override
	public @Nullable Fit fit(double[] y) {
		int n = y.length;
		if (n < minimumLength()) {
			return null;
		}
		double tMean = (n - 1) / 2.0;
		double yMean = 0;
		for (double v : y) {
			yMean += v;
		}
		yMean /= n;
		double sxx = 0;
		double sxy = 0;
		for (int t = 0; t < n; t++) {
			sxx += (t - tMean) * (t - tMean);
			sxy += (t - tMean) * (y[t] - yMean);
		}
		double slope = sxy / sxx;
		double intercept = yMean - slope * tMean;
		double sse = 0;
		for (int t = 0; t < n; t++) {
			double e = y[t] - (intercept + slope * t);
			sse += e * e;
		}
		double sigma = Math.sqrt(sse / (n - 2));
		double sxxFinal = sxx;
		return new Fit() {

			@Override
			public String name() {
				return "linear trend";
			}

			@Override
			public double[] forecast(int h) {
				double[] f = new double[h];
				for (int k = 0; k < h; k++) {
					f[k] = intercept + slope * (n + k);
				}
				return f;
			}

			@Override
			public double[] standardDeviation(int h) {
				double[] sd = new double[h];
				for (int k = 0; k < h; k++) {
					double d = n + k - tMean;
					sd[k] = sigma * Math.sqrt(1 + 1.0 / n + d * d / sxxFinal);
				}
				return sd;
			}

		};
	}

}
