package io.nopesight.analytics.internal;

/**
 * Forecast error measures as the M competitions and R's {@code forecast::accuracy} define them.
 */
public final class Accuracy {

	private Accuracy() {
	}

	public static double mae(double[] actual, double[] forecast) {
		double sum = 0;
		for (int i = 0; i < actual.length; i++) {
			sum += Math.abs(actual[i] - forecast[i]);
		}
		return sum / actual.length;
	}

	/** The in-sample mean absolute error of the lag-m seasonal naive (lag 1 when m is 1); never 0. */
	public static double seasonalNaiveMae(double[] y, int m) {
		int lag = Math.max(1, m);
		double sum = 0;
		for (int t = lag; t < y.length; t++) {
			sum += Math.abs(y[t] - y[t - lag]);
		}
		double mae = (y.length > lag) ? sum / (y.length - lag) : 0;
		return (mae > 0) ? mae : Math.ulp(1.0);
	}

	/** Test MAE over the in-sample seasonal naive MAE of the training part. */
	public static double mase(double[] train, double[] actual, double[] forecast, int m) {
		return mae(actual, forecast) / seasonalNaiveMae(train, m);
	}

	/** Symmetric MAPE in percent: 200/n sum |y - f| / (|y| + |f|), a term with both 0 counting 0. */
	public static double smape(double[] actual, double[] forecast) {
		double sum = 0;
		for (int i = 0; i < actual.length; i++) {
			double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
			if (denominator > 0) {
				sum += Math.abs(actual[i] - forecast[i]) / denominator;
			}
		}
		return 200 * sum / actual.length;
	}

}
