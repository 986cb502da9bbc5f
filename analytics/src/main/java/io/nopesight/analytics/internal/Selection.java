package io.nopesight.analytics.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model chosen for a series and how the candidates did in the rolling-origin backtest: mean MASE and
 * sMAPE (percent) over {@code origins} forecasts of {@code backtestHorizon} steps, the chosen model's mean
 * absolute error and the share of the windows' variance it explained ({@code r2}, below 0 when it did worse
 * than each window's own mean).
 */
public record Selection(Fit fit, String why, double mase, double smape, double mae, double r2,
		Map<String, Double> candidates, int origins, int backtestHorizon, int season) {

	public Selection {
		candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
	}

}
