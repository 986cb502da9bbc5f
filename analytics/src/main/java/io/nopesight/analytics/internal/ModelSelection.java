package io.nopesight.analytics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Chooses a series' model by rolling-origin backtest, not by in-sample fit: each candidate is fitted to the
 * history up to a few origins and scored on the steps after them (MASE, scaled by the seasonal naive's
 * in-sample error); the lowest mean wins, or the mean of the two best when that scores lower still. The ETS
 * form enters as one candidate, picked within its family by AIC on the whole series as R's {@code ets} does.
 */
public final class ModelSelection {

	static final int ORIGINS = 3;

	static final double COMBINATION_EDGE = 0.97;

	static final int AIC_WINDOW = 28 * 24;

	private static final List<Ets> ETS_FORMS = List.of(new Ets('A', "N", 'N', 1), new Ets('A', "A", 'N', 1),
			new Ets('A', "Ad", 'N', 1), new Ets('M', "N", 'N', 1), new Ets('M', "Ad", 'N', 1));

	private ModelSelection() {
	}

	/**
	 * The candidates for a series of {@code n} points whose seasons are {@code periods} (in steps, the main
	 * one first; none for a series without a season).
	 */
	static List<ForecastModel> candidates(double[] y, int[] periods) {
		List<ForecastModel> models = new ArrayList<>();
		int m = (periods.length > 0) ? periods[0] : 1;
		models.add(new SeasonalNaive(m));
		models.add(new LinearTrend());
		Ets ets = bestEts(y, m);
		if (ets != null) {
			models.add(ets);
		}
		Ets damped = new Ets('A', "Ad", 'N', 1);
		if (!damped.equals(ets)) {
			models.add(damped);
		}
		models.add(new AutoRegression(m, 3));
		for (int period : periods) {
			if (y.length >= 3 * period) {
				models.add(new SeasonalProfile(period, 7));
			}
		}
		return models;
	}

	/**
	 * The ETS form with the lowest AIC, as R's {@code ets} picks within the family; on the last
	 * {@link #AIC_WINDOW} points at most, which say what the series is like now and halve the cost of the ten
	 * fits for an eight-week hourly series.
	 */
	static @Nullable Ets bestEts(double[] series, int m) {
		double[] y = (series.length > AIC_WINDOW) ? Arrays.copyOfRange(series, series.length - AIC_WINDOW, series.length)
				: series;
		List<Ets> forms = new ArrayList<>(ETS_FORMS);
		if (m > 1 && y.length >= 2 * m + 2) {
			forms.addAll(List.of(new Ets('A', "N", 'A', m), new Ets('A', "A", 'A', m), new Ets('A', "Ad", 'A', m),
					new Ets('M', "N", 'M', m), new Ets('M', "Ad", 'M', m)));
		}
		Ets best = null;
		double bestAic = Double.POSITIVE_INFINITY;
		for (Ets form : forms) {
			Ets.Fitted fitted = form.fit(y);
			if (fitted != null && fitted.aic() < bestAic) {
				bestAic = fitted.aic();
				best = form;
			}
		}
		return best;
	}

	/**
	 * The model for forecasting {@code horizon} steps after y, or null when y is too short to backtest any
	 * candidate.
	 */
	public static @Nullable Selection choose(double[] y, int[] periods, int horizon) {
		int n = y.length;
		int m = (periods.length > 0) ? periods[0] : 1;
		int testLength = Math.max(1, Math.min(horizon, Math.max(m, n / 4)));
		int spacing = Math.max(1, testLength / 2);
		List<ForecastModel> models = candidates(y, periods);
		int minimum = models.stream().mapToInt(ForecastModel::minimumLength).min().orElse(n);
		List<Integer> origins = new ArrayList<>();
		for (int i = 0; i < ORIGINS; i++) {
			int origin = n - testLength - i * spacing;
			if (origin >= Math.max(minimum, 2 * m)) {
				origins.add(origin);
			}
		}
		if (origins.isEmpty()) {
			return null;
		}
		Map<ForecastModel, double[][]> forecasts = new LinkedHashMap<>();
		for (ForecastModel model : models) {
			double[][] perOrigin = new double[origins.size()][];
			boolean complete = true;
			for (int i = 0; i < origins.size() && complete; i++) {
				int origin = origins.get(i);
				Fit fit = (origin >= model.minimumLength()) ? model.fit(Arrays.copyOf(y, origin)) : null;
				perOrigin[i] = (fit != null) ? finite(fit.forecast(Math.min(testLength, n - origin))) : null;
				complete = perOrigin[i] != null;
			}
			if (complete) {
				forecasts.put(model, perOrigin);
			}
		}
		if (forecasts.isEmpty()) {
			return null;
		}
		Map<String, Score> scores = new LinkedHashMap<>();
		forecasts.forEach((model, f) -> scores.put(model.name(), score(y, origins, f, m)));
		List<ForecastModel> ranked = new ArrayList<>(forecasts.keySet());
		ranked.sort(Comparator.comparingDouble((ForecastModel model) -> scores.get(model.name()).mase()));
		ForecastModel best = ranked.get(0);
		Score chosen = scores.get(best.name());
		List<ForecastModel> used = List.of(best);
		if (ranked.size() > 1) {
			ForecastModel second = ranked.get(1);
			double[][] mean = new double[origins.size()][];
			for (int i = 0; i < origins.size(); i++) {
				mean[i] = Combination.mean(List.of(forecasts.get(best)[i], forecasts.get(second)[i]),
						forecasts.get(best)[i].length);
			}
			Score combined = score(y, origins, mean, m);
			String name = "mean of " + best.name() + " and " + second.name();
			scores.put(name, combined);
			// one model unless the mean is clearly better: a combination is harder to explain, and a small edge
			// in three backtests is as likely luck
			if (combined.mase() < COMBINATION_EDGE * chosen.mase()) {
				chosen = combined;
				used = List.of(best, second);
			}
		}
		List<Fit> fits = new ArrayList<>();
		for (ForecastModel model : used) {
			Fit fit = model.fit(y);
			if (fit == null) {
				return null;
			}
			fits.add(fit);
		}
		Fit fit = (fits.size() == 1) ? fits.get(0) : new Combination(fits);
		Map<String, Double> candidates = new LinkedHashMap<>();
		scores.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<String, Score> e) -> e.getValue().mase()))
			.forEach((e) -> candidates.put(e.getKey(), round(e.getValue().mase())));
		String why = why(fit.name(), chosen, scores.size(), origins.size(), testLength, ranked, scores, used.size());
		return new Selection(fit, why, chosen.mase(), chosen.smape(), chosen.mae(), chosen.r2(), candidates,
				origins.size(), testLength, seasonOf(used, m));
	}

	private static int seasonOf(List<ForecastModel> used, int m) {
		for (ForecastModel model : used) {
			if (model instanceof SeasonalProfile profile) {
				return profile.period();
			}
			if (model instanceof Ets ets && ets.seasonal()) {
				return ets.period();
			}
			if ((model instanceof SeasonalNaive || model instanceof AutoRegression) && m > 1) {
				return m;
			}
		}
		return 0;
	}

	private static String why(String name, Score chosen, int candidates, int origins, int testLength,
			List<ForecastModel> ranked, Map<String, Score> scores, int used) {
		String runnerUp = (used == 1 && ranked.size() > 1) ? "; next best " + ranked.get(1).name() + " "
				+ String.format(Locale.ROOT, "%.3f", scores.get(ranked.get(1).name()).mase()) : "";
		return String.format(Locale.ROOT,
				"lowest rolling-origin backtest error of %d candidates: MASE %.3f over %d forecast%s of %d steps%s",
				candidates, chosen.mase(), origins, (origins == 1) ? "" : "s", testLength, runnerUp);
	}

	private static double @Nullable [] finite(double[] f) {
		for (double v : f) {
			if (!Double.isFinite(v)) {
				return null;
			}
		}
		return f;
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	record Score(double mase, double smape, double mae, double r2) {
	}

	private static Score score(double[] y, List<Integer> origins, double[][] forecasts, int m) {
		double mase = 0;
		double smape = 0;
		double absolute = 0;
		int points = 0;
		double sse = 0;
		double sst = 0;
		for (int i = 0; i < origins.size(); i++) {
			int origin = origins.get(i);
			double[] f = forecasts[i];
			double scale = Accuracy.seasonalNaiveMae(Arrays.copyOf(y, origin), m);
			double[] actual = Arrays.copyOfRange(y, origin, origin + f.length);
			double mae = Accuracy.mae(actual, f);
			mase += mae / scale / origins.size();
			smape += Accuracy.smape(actual, f) / origins.size();
			absolute += mae * f.length;
			points += f.length;
			double mean = Arrays.stream(actual).average().orElse(0);
			for (int k = 0; k < f.length; k++) {
				sse += (actual[k] - f[k]) * (actual[k] - f[k]);
				sst += (actual[k] - mean) * (actual[k] - mean);
			}
		}
		double r2 = (sst > 0) ? 1 - sse / sst : ((sse == 0) ? 1 : Double.NEGATIVE_INFINITY);
		return new Score(mase, smape, absolute / points, r2);
	}

}
