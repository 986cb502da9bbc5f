package io.nopesight.nlq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.Exhaustion;
import io.nopesight.analytics.FleetForecastRequest;
import io.nopesight.analytics.Forecasts;
import io.nopesight.analytics.Horizons;

/**
 * Forecasts for answers: the CIs whose forecast reaches 100% within a horizon ("which servers will run out of
 * disk in the next 30 days"), and the projected exhaustion added to each row when a question asks with
 * {@code include_predictions}.
 */
@Component
class Predictions {

	/** How far ahead {@code include_predictions} looks when the question names no horizon: a quarter. */
	static final Duration INCLUDED_HORIZON = Duration.ofDays(90);

	/** The most rows {@code include_predictions} forecasts; beyond them the rows are left as they are. */
	static final int MAX_FORECAST_ROWS = 200;

	private static final double FULL = 100.0;

	private final @Nullable Forecasts forecasts;

	Predictions(@Nullable Forecasts forecasts) {
		this.forecasts = forecasts;
	}

	/**
	 * The rows whose CI is forecast to reach 100 within the clause's horizon, soonest first, with the forecast. A
	 * series too short to carry the whole horizon (a forecast reaches at most 12 times its history) is forecast
	 * as far as it carries, and {@code notes} says so, rather than leaving it out unsaid.
	 */
	List<Map<String, @Nullable Object>> exhausting(List<Map<String, @Nullable Object>> cis, MetricClause metric,
			Instant asOf, List<String> notes) {
		Duration asked = java.util.Objects.requireNonNull(metric.horizon());
		Duration horizon = (asked.compareTo(Horizons.MAX) > 0) ? Horizons.MAX : asked;
		if (!horizon.equals(asked)) {
			notes.add("Forecasts look at most " + Horizons.MAX.toDays() + " days ahead: answered for " + Horizons.MAX.toDays()
					+ " days, not " + asked.toDays());
		}
		Map<String, CapacityForecast> forecast = forecast(cis, metric.metric(), horizon, asOf);
		Duration carried = carried(forecast.values(), asOf);
		if (carried != null && carried.compareTo(horizon) < 0) {
			List<Map<String, @Nullable Object>> shortOnes = cis.stream()
				.filter((ci) -> tooShort(forecast.get((String) ci.get("ci_id"))))
				.toList();
			forecast.putAll(forecast(shortOnes, metric.metric(), carried, asOf));
			notes.add(String.format(java.util.Locale.ROOT,
					"%d series have too little history for %d days ahead: they are forecast %d days ahead, as far as"
							+ " their history carries",
					shortOnes.size(), horizon.toDays(), carried.toDays()));
		}
		Instant end = asOf.plus(horizon);
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Map<String, @Nullable Object> ci : cis) {
			CapacityForecast f = forecast.get((String) ci.get("ci_id"));
			Exhaustion exhaustion = (f != null) ? f.exhaustion() : null;
			if (exhaustion != null && exhaustion.expected() != null && !exhaustion.expected().isAfter(end)) {
				rows.add(withForecast(ci, f));
			}
		}
		rows.sort(Comparator.comparing((Map<String, @Nullable Object> r) -> (Instant) r.get("projected_exhaustion"))
			.thenComparing((r) -> String.valueOf(r.get("name"))));
		return rows;
	}

	private static boolean tooShort(@Nullable CapacityForecast forecast) {
		return forecast != null && !forecast.predictable() && forecast.reason() != null
				&& forecast.reason().startsWith(Horizons.TOO_SHORT_FOR_HORIZON);
	}

	// the longest horizon every too-short series carries: so many times its history, counted from its last sample
	private static @Nullable Duration carried(java.util.Collection<CapacityForecast> forecasts, Instant asOf) {
		Duration carried = null;
		for (CapacityForecast forecast : forecasts) {
			if (tooShort(forecast) && forecast.lastSampleAt() != null) {
				Duration longest = forecast.step().multipliedBy((long) Horizons.MAX_TO_HISTORY * forecast.historyPoints() - 1)
					.minus(Duration.between(forecast.lastSampleAt(), asOf));
				carried = (carried == null || longest.compareTo(carried) < 0) ? longest : carried;
			}
		}
		return (carried != null && !carried.isNegative() && !carried.isZero()) ? carried : null;
	}

	/** Each CI row with the forecast of the metric over the horizon: when it reaches 100, and the 80% interval. */
	List<Map<String, @Nullable Object>> included(List<Map<String, @Nullable Object>> rows, String metric,
			Duration horizon, Instant asOf) {
		if (rows.isEmpty() || rows.size() > MAX_FORECAST_ROWS || !rows.get(0).containsKey("ci_id")) {
			return rows;
		}
		Map<String, CapacityForecast> forecast = forecast(rows, metric,
				(horizon.compareTo(Horizons.MAX) > 0) ? Horizons.MAX : horizon, asOf);
		return rows.stream().map((row) -> {
			CapacityForecast f = forecast.get((String) row.get("ci_id"));
			return (f != null) ? withForecast(row, f) : row;
		}).toList();
	}

	private Map<String, CapacityForecast> forecast(List<Map<String, @Nullable Object>> cis, String metric,
			Duration horizon, Instant asOf) {
		Map<String, CapacityForecast> byCi = new HashMap<>();
		if (this.forecasts == null) {
			return byCi;
		}
		List<String> ids = cis.stream().map((ci) -> (String) ci.get("ci_id")).toList();
		for (int from = 0; from < ids.size(); from += FleetForecastRequest.MAX_CIS) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + FleetForecastRequest.MAX_CIS));
			this.forecasts.forecast(new FleetForecastRequest(batch, null, null, List.of(metric), horizon, null, asOf, FULL))
				.forecasts()
				.forEach((f) -> byCi.merge(f.ciId(), f, Predictions::sooner));
		}
		return byCi;
	}

	// a CI with several series of a metric (one per disk) runs out when its first one does
	private static CapacityForecast sooner(CapacityForecast a, CapacityForecast b) {
		Instant first = expected(a);
		Instant second = expected(b);
		if (first == null) {
			return (second != null || !a.predictable()) ? b : a;
		}
		return (second != null && second.isBefore(first)) ? b : a;
	}

	private static @Nullable Instant expected(CapacityForecast forecast) {
		return (forecast.exhaustion() != null) ? forecast.exhaustion().expected() : null;
	}

	private static Map<String, @Nullable Object> withForecast(Map<String, @Nullable Object> row, CapacityForecast f) {
		Map<String, @Nullable Object> with = new LinkedHashMap<>(row);
		String metric = f.metric().replace("_usage", "");
		with.put("current_" + metric, (f.lastValue() != null) ? Math.round(f.lastValue() * 100) / 100.0 : null);
		with.put("predictable", f.predictable());
		if (!f.predictable()) {
			with.put("forecast_note", f.reason());
			return with;
		}
		Exhaustion exhaustion = f.exhaustion();
		with.put("projected_exhaustion", (exhaustion != null) ? exhaustion.expected() : null);
		// as the forecast API shows it: when the 80% band's bounds reach the line (latest null: not within the horizon)
		Map<String, @Nullable Object> interval = new LinkedHashMap<>();
		if (exhaustion != null) {
			interval.put("earliest", exhaustion.earliest());
			interval.put("latest", exhaustion.latest());
		}
		with.put("exhaustion_interval", (exhaustion != null) ? interval : null);
		with.put("forecast_model", (f.model() != null) ? f.model().name() : null);
		with.put("trend_per_day", (f.model() != null) ? Math.round(f.model().trendPerDay() * 100) / 100.0 : null);
		return with;
	}

}
