package io.nopesight.analytics.internal;

import java.util.List;

/**
 * The mean of several fitted models' forecasts. Its error sd is the mean of theirs: as if their errors were
 * perfectly correlated, which errs on the wide side.
 */
record Combination(List<Fit> fits) implements Fit {

	@Override
	public String name() {
		return "mean of " + String.join(" and ", this.fits.stream().map(Fit::name).toList());
	}

	@Override
	public double[] forecast(int h) {
		return mean(this.fits.stream().map((f) -> f.forecast(h)).toList(), h);
	}

	@Override
	public double[] standardDeviation(int h) {
		return mean(this.fits.stream().map((f) -> f.standardDeviation(h)).toList(), h);
	}

	static double[] mean(List<double[]> all, int h) {
		double[] out = new double[h];
		for (double[] one : all) {
			for (int k = 0; k < h; k++) {
				out[k] += one[k] / all.size();
			}
		}
		return out;
	}

}
