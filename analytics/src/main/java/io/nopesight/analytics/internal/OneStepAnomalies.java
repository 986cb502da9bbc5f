package io.nopesight.analytics.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the points outside the 99% interval of one-step-ahead forecasts: an additive-error ETS model (the
 * form with the lowest AIC) is fitted to the history before the window and run on through it; each point is
 * forecast before it is seen, and an anomalous point moves the model's state no further than the interval's
 * edge, so that it does not hide the next one. Points that were filled in (gaps) are never flagged.
 */
public final class OneStepAnomalies {

	/** Two-sided 99%. */
	public static final double Z99 = 2.5758;

	private static final List<String> TRENDS = List.of("N", "Ad");

	private OneStepAnomalies() {
	}

	/** One flagged point: its index in the window, its value and what was expected. */
	public record Flag(int index, double value, double expected, double sigmas) {
	}

	/** The model used and the flagged points, in time order. */
	public record Scan(String model, double sigma, List<Flag> flags) {
	}

	/**
	 * Scans the window after the history; with less history than a model needs ({@code minimum} points), the
	 * model is fitted to history and window together and run from its start, and the first season is not
	 * judged (its forecasts come from the initial state).
	 */
	public static @Nullable Scan scan(double[] history, double[] window, boolean[] filled, int period, int minimum) {
		boolean enough = history.length >= Math.max(minimum, 2 * period + 2);
		double[] fitted = enough ? history : concat(history, window);
		Ets.Fitted best = best(fitted, period);
		if (best == null) {
			return null;
		}
		if (!enough) {
			// the anomalies are in what the model is fitted to: fit again with them replaced by what was expected,
			// so that they neither widen the interval nor teach the model to chase spikes
			best = best(cleaned(fitted, best), period);
			if (best == null) {
				return null;
			}
		}
		double sigma = Math.max(best.sigma(), 1e-9);
		double[] expected;
		int skip = 0;
		if (enough) {
			expected = best.oneStepForecasts(window, Z99);
		}
		else {
			double[] all = best.oneStepForecastsFromStart(fitted, Z99);
			expected = java.util.Arrays.copyOfRange(all, history.length, all.length);
			skip = Math.max(0, Math.max(period, 2) - history.length);
		}
		List<Flag> flags = new ArrayList<>();
		for (int i = skip; i < window.length; i++) {
			double sigmas = (window[i] - expected[i]) / sigma;
			if (!filled[i] && Math.abs(sigmas) > Z99) {
				flags.add(new Flag(i, window[i], expected[i], sigmas));
			}
		}
		return new Scan(best.name() + (enough ? "" : ", fitted to the window itself"), sigma, flags);
	}

	private static Ets.@Nullable Fitted best(double[] y, int period) {
		Ets.Fitted best = null;
		for (String trend : TRENDS) {
			for (char season : (period > 1 && y.length >= 2 * period + 2) ? new char[] { 'N', 'A' }
					: new char[] { 'N' }) {
				Ets.Fitted fitted = new Ets('A', trend, season, period).fit(y);
				if (fitted != null && (best == null || fitted.aic() < best.aic())) {
					best = fitted;
				}
			}
		}
		return best;
	}

	private static double[] cleaned(double[] y, Ets.Fitted fitted) {
		double[] expected = fitted.oneStepForecastsFromStart(y, Z99);
		double limit = Z99 * fitted.sigma();
		double[] cleaned = y.clone();
		for (int t = 0; t < y.length; t++) {
			if (Math.abs(y[t] - expected[t]) > limit) {
				cleaned[t] = expected[t];
			}
		}
		return cleaned;
	}

	private static double[] concat(double[] a, double[] b) {
		double[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
