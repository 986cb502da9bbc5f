package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.internal.Fit;
import io.nopesight.analytics.internal.ModelSelection;
import io.nopesight.analytics.internal.Selection;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricStep;

/**
 * Forecasts one series read from the metric store: lays it on a regular grid, judges whether it can be
 * forecast for the horizon, chooses (or takes from the cache) its model, and turns the model's forecast into
 * points with intervals and the projected exhaustion of the capacity line.
 */
final class SeriesForecaster {

	static final double Z80 = 1.2816;

	static final double Z95 = 1.96;

	/** A series must have at least this many points, and a horizon may be at most this many times its history. */
	static final int MIN_POINTS = 16;

	static final int MAX_HORIZON_TO_HISTORY = Horizons.MAX_TO_HISTORY;

	private final AnalyticsSettings settings;

	/**
	 * Chosen models by the data they were chosen on: a series with a new sample (or a changed one) gets a new
	 * key, so it is refitted; one whose data did not change is answered from here.
	 */
	private final Cache<FitKey, Optional<Selection>> cache;

	SeriesForecaster(AnalyticsSettings settings) {
		this.settings = settings;
		this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
	}

	record FitKey(String ciId, String metric, Map<String, String> labels, MetricStep step, int length, long last,
			long checksum, int horizon) {
	}

	/** What one forecast asks: the CI, when from, at which step, how far and against which line. */
	record Ask(String ciId, String metric, Instant asOf, MetricStep step, Duration horizon, double threshold) {
	}

	/** A forecast and how its model was had: fitted now, taken from the cache, or none needed (no data). */
	record Outcome(CapacityForecast forecast, Model model) {

		enum Model {
			FITTED, CACHED, NONE
		}

		static Outcome without(CapacityForecast forecast) {
			return new Outcome(forecast, Model.NONE);
		}

	}

	Outcome forecast(Ask ask, MetricSeries series) {
		List<MetricSeries.Point> points = series.points();
		if (points.isEmpty()) {
			return Outcome.without(unpredictable(ask, series.labels(), 0, null, null, "no samples of " + ask.metric() + " in the "
					+ DefaultForecasts.history(ask.step()).toDays() + " days before "
					+ ask.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
		}
		long step = ask.step().width().toSeconds();
		MetricSeries.Point lastPoint = points.get(points.size() - 1);
		long last = lastPoint.timestamp().getEpochSecond();
		StepGrid grid = StepGrid.of(points, step);
		double[] y = grid.values();
		int length = grid.length();
		int missing = grid.missing();
		Instant lastAt = lastPoint.timestamp();
		double lastValue = lastPoint.value();
		double gapShare = (double) missing / length;
		if (gapShare > this.settings.maxGapShare()) {
			return Outcome.without(unpredictable(ask, series.labels(), length, lastAt, lastValue, String.format(Locale.ROOT,
					"too gappy: %.0f%% of the %s steps of its history have no samples (at most %.0f%% can be filled in)",
					100 * gapShare, ask.step().value(), 100 * this.settings.maxGapShare())));
		}
		Duration stale = Duration.between(lastAt.plus(ask.step().width()), ask.asOf());
		if (stale.compareTo(Duration.ofDays(7)) > 0 && stale.compareTo(ask.step().width().multipliedBy(7)) > 0) {
			return Outcome.without(unpredictable(ask, series.labels(), length, lastAt, lastValue,
					"stale: no samples since " + lastAt));
		}
		int[] periods = periods(ask.step(), length);
		int minimum = Math.max(MIN_POINTS, (periods.length > 0) ? 2 * periods[0] + 2 : 0);
		long horizonEnd = ask.asOf().plus(ask.horizon()).getEpochSecond();
		int horizon = (int) Math.max(1, (horizonEnd - last) / step);
		if (length < minimum) {
			return Outcome.without(unpredictable(ask, series.labels(), length, lastAt, lastValue, String.format(Locale.ROOT,
					"too short: %d points of history at step %s; at least %d are needed", length, ask.step().value(),
					minimum)));
		}
		if (horizon > MAX_HORIZON_TO_HISTORY * length) {
			return Outcome.without(unpredictable(ask, series.labels(), length, lastAt, lastValue, String.format(Locale.ROOT,
					Horizons.TOO_SHORT_FOR_HORIZON + ": %d points of history cannot carry a forecast of %d steps"
							+ " (at most %d times the history)",
					length, horizon, MAX_HORIZON_TO_HISTORY)));
		}
		FitKey key = new FitKey(ask.ciId(), ask.metric(), series.labels(), ask.step(), length, last, checksum(y),
				horizon);
		// not Cache.get(key, fit): a fit takes milliseconds to seconds, and a computation inside the cache's map
		// blocks other keys of its bin meanwhile; two requests for one new series may both fit it, harmlessly
		Optional<Selection> chosen = this.cache.getIfPresent(key);
		Outcome.Model how = (chosen == null) ? Outcome.Model.FITTED : Outcome.Model.CACHED;
		if (chosen == null) {
			chosen = Optional.ofNullable(ModelSelection.choose(y, periods, horizon));
			this.cache.put(key, chosen);
		}
		if (chosen.isEmpty()) {
			return new Outcome(unpredictable(ask, series.labels(), length, lastAt, lastValue,
					"too short: no candidate model could be backtested on " + length + " points"), how);
		}
		Selection selection = chosen.get();
		double scale = scale(y, ask.threshold());
		double relativeError = selection.mae() / scale;
		if (selection.r2() < this.settings.minR2() && relativeError > this.settings.maxRelativeError()) {
			return new Outcome(unpredictable(ask, series.labels(), length, lastAt, lastValue, String.format(Locale.ROOT,
					"too noisy: in the backtest the best model (%s) explained %s of the variance and missed by"
							+ " %.1f on average (%.0f%% of %s)",
					selection.fit().name(), r2Text(selection.r2()), selection.mae(), 100 * relativeError,
					(scale == ask.threshold()) ? "the capacity line" : "the level")), how);
		}
		return new Outcome(predicted(ask, series.labels(), y, last, lastValue, selection, horizon), how);
	}

	private static String r2Text(double r2) {
		return (r2 < 0) ? "none" : String.format(Locale.ROOT, "%.0f%%", 100 * r2);
	}

	private CapacityForecast predicted(Ask ask, Map<String, String> labels, double[] y, long last, double lastValue,
			Selection selection, int horizon) {
		Fit fit = selection.fit();
		double[] f = fit.forecast(horizon);
		double[] sd = fit.standardDeviation(horizon);
		boolean nonNegative = Arrays.stream(y).allMatch((v) -> v >= 0);
		long step = ask.step().width().toSeconds();
		List<ForecastPoint> points = new ArrayList<>(horizon);
		for (int k = 0; k < horizon; k++) {
			Instant at = Instant.ofEpochSecond(last + (k + 1) * step);
			points.add(new ForecastPoint(at, floor(f[k], nonNegative), floor(f[k] - Z80 * sd[k], nonNegative),
					f[k] + Z80 * sd[k], floor(f[k] - Z95 * sd[k], nonNegative), f[k] + Z95 * sd[k]));
		}
		double trendPerDay = slope(f) * (86_400.0 / step);
		ChosenModel model = new ChosenModel(fit.name(), selection.why(), round(selection.mase()),
				round(selection.smape()), selection.candidates(), round(trendPerDay),
				season(ask.step(), selection.season()), selection.origins());
		return new CapacityForecast(ask.ciId(), null, ask.metric(), labels, ask.asOf(), ask.step().width(),
				ask.horizon(), ask.threshold(), true, null, y.length, Instant.ofEpochSecond(last), lastValue, model,
				points, exhaustion(points, ask.threshold()));
	}

	static @Nullable Exhaustion exhaustion(List<ForecastPoint> points, double threshold) {
		Instant earliest = null;
		Instant expected = null;
		Instant latest = null;
		for (ForecastPoint point : points) {
			if (earliest == null && point.upper80() >= threshold) {
				earliest = point.timestamp();
			}
			if (expected == null && point.value() >= threshold) {
				expected = point.timestamp();
			}
			if (latest == null && point.lower80() >= threshold) {
				latest = point.timestamp();
				break;
			}
		}
		return (earliest != null) ? new Exhaustion(threshold, expected, earliest, latest) : null;
	}

	private static CapacityForecast unpredictable(Ask ask, Map<String, String> labels, int length,
			@Nullable Instant lastAt, @Nullable Double lastValue, String reason) {
		return new CapacityForecast(ask.ciId(), null, ask.metric(), labels, ask.asOf(), ask.step().width(),
				ask.horizon(), ask.threshold(), false, reason, length, lastAt, lastValue, null, List.of(), null);
	}

	/**
	 * The seasons worth trying at a step: a day (and a week once three weeks are there) for hourly points, a
	 * day for 5-minute points, a week for daily ones.
	 */
	static int[] periods(MetricStep step, int length) {
		return switch (step) {
			case HOUR -> (length >= 3 * 168) ? new int[] { 24, 168 } : new int[] { 24 };
			case FIVE_MINUTES -> new int[] { 288 };
			case DAY -> new int[] { 7 };
			case RAW -> new int[0];
		};
	}

	static String season(MetricStep step, int period) {
		if (period == 0) {
			return "none";
		}
		long seconds = step.width().toSeconds() * period;
		return (seconds == 86_400) ? "daily" : (seconds == 7 * 86_400) ? "weekly" : period + " steps";
	}

	/** Fills the gaps by linear interpolation between their neighbours; returns how many there were. */
	static int interpolate(double[] y) {
		int missing = 0;
		int previous = -1;
		for (int t = 0; t < y.length; t++) {
			if (Double.isNaN(y[t])) {
				missing++;
				continue;
			}
			if (previous >= 0 && t - previous > 1) {
				for (int g = previous + 1; g < t; g++) {
					y[g] = y[previous] + (y[t] - y[previous]) * (g - previous) / (t - previous);
				}
			}
			previous = t;
		}
		return missing;
	}

	private static long checksum(double[] y) {
		long hash = 1;
		for (double v : y) {
			hash = 31 * hash + Double.doubleToLongBits(v);
		}
		return hash;
	}

	/** What an error is measured against: the capacity line for a series below it, else the series' level. */
	private static double scale(double[] y, double threshold) {
		double mean = Arrays.stream(y).map(Math::abs).average().orElse(0);
		double scale = (mean <= threshold) ? threshold : mean;
		return (scale > 0) ? scale : 1;
	}

	private static double slope(double[] f) {
		int n = f.length;
		if (n < 2) {
			return 0;
		}
		double tMean = (n - 1) / 2.0;
		double fMean = Arrays.stream(f).average().orElse(0);
		double sxx = 0;
		double sxy = 0;
		for (int t = 0; t < n; t++) {
			sxx += (t - tMean) * (t - tMean);
			sxy += (t - tMean) * (f[t] - fMean);
		}
		return sxy / sxx;
	}

	private static double floor(double value, boolean nonNegative) {
		return nonNegative ? Math.max(0, value) : value;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
