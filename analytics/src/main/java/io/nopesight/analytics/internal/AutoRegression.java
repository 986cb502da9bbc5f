package io.nopesight.analytics.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import smile.timeseries.AR;

/**
 * An AR(p) model (Smile's {@code smile.timeseries.AR}, least squares) of the series with its mean seasonal
 * profile taken out, the order chosen by AIC; the profile is added back to the forecasts. Intervals from the
 * model's psi weights: {@code var_k = sigma^2 sum_{j<k} psi_j^2}.
 */
public record AutoRegression(int period, int maxOrder) implements ForecastModel {

	@Override
	public String name() {
		return (this.period > 1) ? "AR on deseasonalised[" + this.period + "]" : "AR";
	}

	@Override
	public int minimumLength() {
		return Math.max(3 * this.maxOrder + 10, (this.period > 1) ? 2 * this.period : 0);
	}

	@Override
	public @Nullable Fit fit(double[] y) {
		int n = y.length;
		if (n < minimumLength()) {
			return null;
		}
		int m = Math.max(1, this.period);
		double[] season = new double[m];
		if (m > 1) {
			int[] count = new int[m];
			double mean = Arrays.stream(y).average().orElse(0);
			for (int t = 0; t < n; t++) {
				season[t % m] += y[t] - mean;
				count[t % m]++;
			}
			for (int i = 0; i < m; i++) {
				season[i] /= count[i];
			}
		}
		double[] x = new double[n];
		for (int t = 0; t < n; t++) {
			x[t] = y[t] - season[t % m];
		}
		AR best = null;
		double bestAic = Double.POSITIVE_INFINITY;
		for (int p = 1; p <= this.maxOrder; p++) {
			AR candidate;
			try {
				candidate = AR.ols(x, p, false);
			}
			catch (RuntimeException ex) {
				continue;
			}
			double variance = candidate.RSS() / (n - p);
			double aic = (n - p) * Math.log(Math.max(variance, 1e-300)) + 2 * (p + 1);
			if (aic < bestAic) {
				bestAic = aic;
				best = candidate;
			}
		}
		if (best == null) {
			return null;
		}
		AR model = best;
		double[] phi = model.ar();
		double sigma = Math.sqrt(model.RSS() / Math.max(1, n - phi.length - 1));
		String name = name() + "(" + phi.length + ")";
		return new Fit() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public double[] forecast(int h) {
				double[] f = model.forecast(h);
				double[] out = new double[h];
				for (int k = 0; k < h; k++) {
					out[k] = f[k] + season[(n + k) % m];
				}
				return out;
			}

			@Override
			public double[] standardDeviation(int h) {
				double[] psi = new double[h];
				double[] sd = new double[h];
				double sum = 0;
				for (int j = 0; j < h; j++) {
					psi[j] = (j == 0) ? 1 : 0;
					for (int i = 1; i <= Math.min(j, phi.length); i++) {
						psi[j] += phi[i - 1] * psi[j - i];
					}
					sum += psi[j] * psi[j];
					sd[j] = sigma * Math.sqrt(sum);
				}
				return sd;
			}

		};
	}

}
