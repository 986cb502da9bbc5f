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

	public static @Nullable Scan scan(double[] history, double[] window, boolean[] filled, int period) {
		Ets.Fitted best = null;
		for (String trend : TRENDS) {
			for (char season : (period > 1 && history.length >= 2 * period + 2) ? new char[] { 'N', 'A' }
					: new char[] { 'N' }) {
				Ets.Fitted fitted = new Ets('A', trend, season, period).fit(history);
				if (fitted != null && (best == null || fitted.aic() < best.aic())) {
					best = fitted;
				}
			}
		}
		if (best == null) {
			return null;
		}
		double sigma = Math.max(best.sigma(), 1e-9);
		double[] expected = best.oneStepForecasts(window, Z99);
		List<Flag> flags = new ArrayList<>();
		for (int i = 0; i < window.length; i++) {
			double sigmas = (window[i] - expected[i]) / sigma;
			if (!filled[i] && Math.abs(sigmas) > Z99) {
				flags.add(new Flag(i, window[i], expected[i], sigmas));
			}
		}
		return new Scan(best.name(), sigma, flags);
	}

}
