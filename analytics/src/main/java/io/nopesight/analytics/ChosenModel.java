package io.nopesight.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The model a forecast used: its name (e.g. {@code ETS(A,Ad,A)[24]}), why it was chosen, its rolling-origin
 * backtest error (MASE, sMAPE in percent) and every candidate's MASE, best first, the trend it projects (units per day)
 * and the seasonality it models ({@code daily}, {@code weekly} or {@code none}).
 */
public record ChosenModel(String name, String why, double backtestMase, double backtestSmape,
		Map<String, Double> candidates, double trendPerDay, String season, @Nullable Integer backtestOrigins) {

	public ChosenModel {
		candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
	}

}
