package io.nopesight.analytics.internal;

import java.util.Arrays;
import java.util.Locale;

/** Every candidate's backtest and test MASE per NAB series (development aid). */
final class NabDiagnostics {

	private NabDiagnostics() {
	}

	static void main(String[] args) throws java.io.IOException {
		for (String series : NabBenchmark.SERIES) {
			double[] y = NabBenchmark.hourlyMeans(series);
			int train = (int) Math.floor(0.8 * y.length);
			int h = y.length - train;
			double[] history = Arrays.copyOf(y, train);
			double[] actual = Arrays.copyOfRange(y, train, y.length);
			Selection selection = java.util.Objects.requireNonNull(ModelSelection.choose(history, new int[] { 24 }, h));
			System.out.println(series + " chosen " + selection.fit().name());
			for (ForecastModel model : ModelSelection.candidates(history, new int[] { 24 })) {
				Fit fit = model.fit(history);
				double test = (fit != null) ? Accuracy.mase(history, actual, fit.forecast(h), 24) : Double.NaN;
				System.out.printf(Locale.ROOT, "   %-40s backtest %7.3f test %7.3f%n", model.name(),
						selection.candidates().getOrDefault(model.name(), Double.NaN), test);
			}
		}
	}

}
