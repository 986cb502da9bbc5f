package io.nopesight.analytics.internal;

/**
 * A model fitted to one series: its forecasts and the standard deviations of their errors, step 1 to
 * {@code h} after the last observation.
 */
public interface Fit {

	String name();

	double[] forecast(int h);

	/**
	 * The standard deviation of the {@code k}-step-ahead forecast error, for k = 1..h; a 95% interval is
	 * the forecast ± 1.96 of it.
	 */
	double[] standardDeviation(int h);

}
