package io.nopesight.analytics.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.ForecastPoint;
import io.nopesight.analytics.agent.CapacityPlanner.Upgrade;

/**
 * What a capacity recommendation predicted, to be checked later: a CI's metric at {@code checkAt} (a forecast
 * point, the start of a bucket of {@code step}), its point value and 80% interval, and whether exhaustion was
 * projected within the horizon.
 */
record Prediction(String ciId, String metric, Instant asOf, Instant checkAt, Duration step, double expected,
		double lower80, double upper80, boolean exhaustionProjected) {

	static final Duration FIRST_CHECK = Duration.ofDays(7);

	/**
	 * Two checks per upgraded series: a week after {@code asOf} (when the horizon is longer) and at the
	 * horizon's end, each at the forecast point at or just before that time.
	 */
	static List<Prediction> of(List<Upgrade> upgrades, Instant asOf, int horizonDays) {
		Map<String, Prediction> predictions = new LinkedHashMap<>();
		for (Upgrade upgrade : upgrades) {
			CapacityForecast forecast = upgrade.forecast();
			if (forecast.points().isEmpty()) {
				continue;
			}
			List<Instant> checks = new ArrayList<>();
			if (horizonDays > FIRST_CHECK.toDays()) {
				checks.add(asOf.plus(FIRST_CHECK));
			}
			checks.add(asOf.plus(Duration.ofDays(horizonDays)));
			for (Instant check : checks) {
				ForecastPoint point = pointAt(forecast.points(), check);
				Prediction prediction = new Prediction(forecast.ciId(), forecast.metric(), asOf, point.timestamp(),
						forecast.step(), point.value(), point.lower80(), point.upper80(), forecast.exhaustion() != null);
				predictions.putIfAbsent(forecast.ciId() + "/" + forecast.metric() + "/" + point.timestamp(), prediction);
			}
		}
		return List.copyOf(predictions.values());
	}

	private static ForecastPoint pointAt(List<ForecastPoint> points, Instant at) {
		ForecastPoint found = points.get(0);
		for (ForecastPoint point : points) {
			if (point.timestamp().isAfter(at)) {
				break;
			}
			found = point;
		}
		return found;
	}

	/**
	 * Whether the measured value fell inside the 80% interval.
	 */
	boolean hitBy(double actual) {
		return actual >= this.lower80 && actual <= this.upper80;
	}

}
