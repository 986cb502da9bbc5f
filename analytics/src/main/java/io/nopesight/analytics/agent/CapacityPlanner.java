package io.nopesight.analytics.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.ChosenModel;
import io.nopesight.analytics.Exhaustion;
import io.nopesight.analytics.ForecastPoint;
import io.nopesight.analytics.agent.CapacityAdvice.MetricOutlook;

/**
 * Reads each CI's forecasts into what it needs: its current use, when a metric is expected to reach its
 * capacity line, and for every resource whose expected use passes the target within the horizon, the upgrade
 * that keeps the forecast peak (the highest upper 80% bound) under it, its cost, the risk it averts and how
 * sure the forecast is. A series whose expected use stays under the target while only its 80% band passes it
 * is to be watched, not upgraded: sizing from the width of an interval alone bought +18 vCPU for a flat server
 * at 24% whose daily CPU had a few spikes. A series the forecaster calls unpredictable gets no upgrade and no
 * date.
 */
final class CapacityPlanner {

	// the 80% interval is the point forecast +/- 1.2816 standard deviations of a normal error
	private static final double Z80 = 1.2815515655446004;

	private final PriceList prices;

	CapacityPlanner(PriceList prices) {
		this.prices = prices;
	}

	Plan plan(List<CiFacts> cis, Map<String, Map<Resource, CapacityForecast>> forecasts, List<Resource> resources,
			double target, Instant asOf, int horizonDays) {
		List<CiPlan> plans = new ArrayList<>();
		List<UnpredictableSeries> unpredictable = new ArrayList<>();
		List<CapacityAdvice.Watch> watch = new ArrayList<>();
		List<Double> confidences = new ArrayList<>();
		int withoutData = 0;
		for (CiFacts ci : cis) {
			Map<Resource, CapacityForecast> byResource = forecasts.getOrDefault(ci.id(), Map.of());
			if (byResource.values().stream().allMatch((f) -> f.historyPoints() == 0 && f.lastValue() == null)) {
				withoutData++;
				continue;
			}
			Map<String, String> current = new LinkedHashMap<>();
			List<MetricOutlook> outlook = new ArrayList<>();
			List<Upgrade> upgrades = new ArrayList<>();
			LocalDate exhaustion = null;
			for (Resource resource : resources) {
				CapacityForecast forecast = byResource.get(resource);
				if (forecast == null) {
					continue;
				}
				if (forecast.lastValue() != null) {
					current.put(resource.key(), RightSizing.percent(forecast.lastValue()));
				}
				ChosenModel model = forecast.model();
				if (!forecast.predictable() || model == null) {
					unpredictable.add(new UnpredictableSeries(ci.id(), ci.name(), forecast.metric(),
							(forecast.reason() != null) ? forecast.reason() : "not predictable over this horizon"));
					continue;
				}
				double confidence = confidence(model);
				confidences.add(confidence);
				outlook.add(outlook(forecast, model));
				LocalDate expected = expectedExhaustion(forecast);
				if (expected != null && (exhaustion == null || expected.isBefore(exhaustion))) {
					exhaustion = expected;
				}
				Double peak = forecast.peakUpper80();
				if (peak == null || peak <= target) {
					continue;
				}
				double expectedPeak = expectedPeak(forecast);
				if (expectedPeak > target) {
					upgrades.add(upgrade(ci, resource, forecast, model, confidence, peak, target, asOf, horizonDays));
				}
				else {
					watch.add(watch(ci, forecast, model, expectedPeak, peak, target));
				}
			}
			plans.add(new CiPlan(ci, current, exhaustion, outlook, upgrades));
		}
		return new Plan(plans, unpredictable, watch, confidences, withoutData);
	}

	private Upgrade upgrade(CiFacts ci, Resource resource, CapacityForecast forecast, ChosenModel model,
			double confidence, double peak, double target, Instant asOf, int horizonDays) {
		Double size = ci.size(resource);
		long units = (size != null) ? this.prices.upgradeUnits(resource, peak, size, target) : 0;
		long cost = this.prices.upgradeCost(resource, units);
		String amount = (size != null) ? resource.amount(units) : "more (" + resource.sizeAttribute() + " not recorded)";
		StringBuilder why = new StringBuilder(resource.key()).append(": ").append(forecast.metric()).append(" by ")
			.append(describe(model)).append("; the upper 80% bound peaks at ").append(RightSizing.percent(peak))
			.append(" within ").append(horizonDays).append(" days");
		Exhaustion exhaustion = forecast.exhaustion();
		if (exhaustion != null && exhaustion.expected() != null) {
			why.append("; expected to reach ").append(RightSizing.percent(exhaustion.threshold())).append(" on ")
				.append(date(exhaustion.expected())).append(" (80%: ").append(date(exhaustion.earliest()))
				.append(" to ").append((exhaustion.latest() != null) ? date(exhaustion.latest()) : "beyond the horizon")
				.append(')');
		}
		else if (exhaustion != null) {
			why.append("; may reach ").append(RightSizing.percent(exhaustion.threshold())).append(" from ")
				.append(date(exhaustion.earliest())).append(" (upper 80% bound)");
		}
		if (size != null) {
			why.append("; ").append(amount).append(" on ").append(resource.size(Math.round(size)))
				.append(" keeps it under ").append(RightSizing.percent(target));
		}
		return new Upgrade(ci, resource, units, amount, cost, risk(forecast, confidence, asOf, horizonDays, target),
				confidence, expectedExhaustion(forecast), why.toString(), forecast);
	}

	private static CapacityAdvice.Watch watch(CiFacts ci, CapacityForecast forecast, ChosenModel model,
			double expectedPeak, double peak, double target) {
		Exhaustion exhaustion = forecast.exhaustion();
		String reason = "expected to peak at " + RightSizing.percent(expectedPeak) + ", under the "
				+ RightSizing.percent(target) + " target, but the upper 80% bound reaches " + RightSizing.percent(peak)
				+ " (" + describe(model) + ")";
		return new CapacityAdvice.Watch(ci.id(), ci.name(), forecast.metric(), round1(forecast.lastValue()),
				Math.round(expectedPeak * 10) / 10.0, Math.round(peak * 10) / 10.0,
				(exhaustion != null) ? date(exhaustion.earliest()) : null, reason);
	}

	/**
	 * The highest point forecast over the horizon, or the last value when there are no points.
	 */
	static double expectedPeak(CapacityForecast forecast) {
		double last = (forecast.lastValue() != null) ? forecast.lastValue() : 0;
		return forecast.points().stream().mapToDouble(ForecastPoint::value).max().orElse(last);
	}

	/**
	 * How sure a forecast is, from its backtest error: {@code 1 / (1 + MASE)}, so 0.5 for a model exactly as good
	 * as the naive forecast and nearer 1 the better it backtested.
	 */
	static double confidence(ChosenModel model) {
		return RightSizing.round2(1.0 / (1.0 + Math.max(0, model.backtestMase())));
	}

	/**
	 * The risk an upgrade averts: the probability the metric reaches its capacity line within the horizon (the
	 * largest, over the points, of a normal error read from the 80% interval) times its urgency
	 * ({@code 30 / (30 + days until the upper 80% bound reaches it)}) times the forecast's confidence (a model
	 * that backtested badly does not get to claim a high risk), plus a hundredth of how far the peak passes the
	 * target, so that an upgrade that only keeps a series under the target still counts a little.
	 */
	static double risk(CapacityForecast forecast, double confidence, Instant asOf, int horizonDays, double target) {
		Exhaustion exhaustion = forecast.exhaustion();
		double threshold = forecast.threshold();
		double probability = 0;
		for (ForecastPoint point : forecast.points()) {
			double sigma = Math.max((point.upper80() - point.value()) / Z80, 1e-6);
			probability = Math.max(probability, normal((point.value() - threshold) / sigma));
		}
		double days = (exhaustion != null)
				? Math.max(0, Duration.between(asOf, exhaustion.earliest()).toMinutes() / 1440.0) : horizonDays;
		double urgency = 30.0 / (30.0 + days);
		Double peak = forecast.peakUpper80();
		double overshoot = (peak != null) ? Math.min(1, Math.max(0, (peak - target) / Math.max(1, 100 - target))) : 0;
		return Math.round((probability * urgency * confidence + 0.01 * overshoot) * 10_000) / 10_000.0;
	}

	/**
	 * The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
	 */
	static double normal(double z) {
		double x = Math.abs(z) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * x);
		double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
				* t * Math.exp(-x * x);
		return (z >= 0) ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
	}

	static String describe(ChosenModel model) {
		return String.format(Locale.ROOT, "%s (backtest MASE %.2f, trend %+.2f/day, %s)", model.name(),
				model.backtestMase(), model.trendPerDay(),
				"none".equals(model.season()) ? "no seasonality" : model.season() + " seasonality");
	}

	private static MetricOutlook outlook(CapacityForecast forecast, ChosenModel model) {
		Exhaustion exhaustion = forecast.exhaustion();
		Double peak = forecast.peakUpper80();
		return new MetricOutlook(forecast.metric(), round1(forecast.lastValue()), round1(peak),
				(exhaustion != null && exhaustion.expected() != null) ? date(exhaustion.expected()) : null,
				(exhaustion != null) ? date(exhaustion.earliest()) : null,
				(exhaustion != null && exhaustion.latest() != null) ? date(exhaustion.latest()) : null, model.name(),
				RightSizing.round2(model.backtestMase()), Math.round(model.trendPerDay() * 1000) / 1000.0,
				model.season());
	}

	private static @Nullable LocalDate expectedExhaustion(CapacityForecast forecast) {
		Exhaustion exhaustion = forecast.exhaustion();
		return (forecast.predictable() && exhaustion != null && exhaustion.expected() != null)
				? LocalDate.ofInstant(exhaustion.expected(), ZoneOffset.UTC) : null;
	}

	static String date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private static @Nullable Double round1(@Nullable Double value) {
		return (value != null) ? Math.round(value * 10) / 10.0 : null;
	}

	/**
	 * Every CI read (those with data), the series that could not be forecast, those to watch, the confidence of each forecast
	 * that could, and how many CIs had no data at all.
	 */
	record Plan(List<CiPlan> cis, List<UnpredictableSeries> unpredictable, List<CapacityAdvice.Watch> watch,
			List<Double> confidences, int withoutData) {

		List<Upgrade> upgrades() {
			return this.cis.stream().flatMap((ci) -> ci.upgrades().stream()).toList();
		}

	}

	/**
	 * A CI as the forecasts see it: current use per resource, the earliest expected exhaustion, each metric's
	 * outlook and the upgrades it needs.
	 */
	record CiPlan(CiFacts ci, Map<String, String> current, @Nullable LocalDate projectedExhaustion,
			List<MetricOutlook> outlook, List<Upgrade> upgrades) {
	}

	/**
	 * One resource's upgrade: how many units ({@code amount} as answers show it), its cost, the risk it averts,
	 * the forecast's confidence, its expected exhaustion, why, and the forecast it rests on.
	 */
	record Upgrade(CiFacts ci, Resource resource, long units, String amount, long cost, double risk,
			double confidence, @Nullable LocalDate exhaustion, String reasoning, CapacityForecast forecast) {

		String key() {
			return this.ci.id() + "/" + this.resource.key();
		}

	}

}
