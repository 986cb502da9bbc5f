package io.nopesight.analytics.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.AnomalyReport;
import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.ChosenModel;
import io.nopesight.analytics.Exhaustion;
import io.nopesight.analytics.FleetForecast;
import io.nopesight.analytics.FleetForecastRequest;
import io.nopesight.analytics.ForecastPoint;
import io.nopesight.analytics.ForecastRequest;
import io.nopesight.analytics.Forecasts;

/**
 * Forecasts written by hand: each series a straight line from its last value with a fixed 80% half-width, or
 * unpredictable with a reason; a series not set up has no data. Records the fleet requests it was asked.
 */
final class FakeForecasts implements Forecasts {

	private final Map<String, Line> lines = new HashMap<>();

	private final Map<String, String> unpredictable = new HashMap<>();

	final List<FleetForecastRequest> requests = new ArrayList<>();

	FakeForecasts line(String ciId, String metric, double last, double perDay, double halfWidth80, double mase) {
		this.lines.put(ciId + "/" + metric, new Line(last, perDay, halfWidth80, mase));
		return this;
	}

	FakeForecasts unpredictable(String ciId, String metric, String reason) {
		this.unpredictable.put(ciId + "/" + metric, reason);
		return this;
	}

	@Override
	public CapacityForecast forecast(ForecastRequest request) {
		return build(request.ciId(), request.metric(), request.horizon(),
				(request.asOf() != null) ? request.asOf() : Instant.EPOCH);
	}

	@Override
	public FleetForecast forecast(FleetForecastRequest request) {
		this.requests.add(request);
		List<CapacityForecast> forecasts = new ArrayList<>();
		for (String ci : request.ciIds()) {
			for (String metric : request.metrics()) {
				forecasts.add(build(ci, metric, request.horizon(), (request.asOf() != null) ? request.asOf() : Instant.EPOCH));
			}
		}
		return new FleetForecast(forecasts, forecasts.size(), 0);
	}

	@Override
	public AnomalyReport anomalies(String ciId, String metric, Instant from, Instant to) {
		throw new UnsupportedOperationException();
	}

	private CapacityForecast build(String ciId, String metric, Duration horizon, Instant asOf) {
		Duration step = (horizon.compareTo(Duration.ofDays(30)) <= 0) ? Duration.ofHours(1) : Duration.ofDays(1);
		String reason = this.unpredictable.get(ciId + "/" + metric);
		if (reason != null) {
			return new CapacityForecast(ciId, null, metric, Map.of(), asOf, step, horizon, 100, false, reason, 200,
					asOf, 50.0, null, List.of(), null);
		}
		Line line = this.lines.get(ciId + "/" + metric);
		if (line == null) {
			return new CapacityForecast(ciId, null, metric, Map.of(), asOf, step, horizon, 100, false, "no samples", 0,
					null, null, null, List.of(), null);
		}
		List<ForecastPoint> points = new ArrayList<>();
		Instant expected = null;
		Instant earliest = null;
		Instant latest = null;
		for (Instant t = asOf.plus(step); !t.isAfter(asOf.plus(horizon)); t = t.plus(step)) {
			double value = line.last() + line.perDay() * Duration.between(asOf, t).toSeconds() / 86_400.0;
			double w = line.halfWidth80();
			points.add(new ForecastPoint(t, value, value - w, value + w, value - 1.5 * w, value + 1.5 * w));
			expected = (expected == null && value >= 100) ? t : expected;
			earliest = (earliest == null && value + w >= 100) ? t : earliest;
			latest = (latest == null && value - w >= 100) ? t : latest;
		}
		Exhaustion exhaustion = (earliest != null) ? new Exhaustion(100, expected, earliest, latest) : null;
		ChosenModel model = new ChosenModel("LinearTrend", "least backtest MASE", line.mase(), 5.0, Map.of(),
				line.perDay(), "none", 5);
		return new CapacityForecast(ciId, null, metric, Map.of(), asOf, step, horizon, 100, true, null, 720, asOf,
				line.last(), model, points, exhaustion);
	}

	private record Line(double last, double perDay, double halfWidth80, double mase) {
	}

	static @Nullable Instant crossing(double last, double perDay, Instant asOf) {
		return (perDay > 0) ? asOf.plusSeconds((long) ((100 - last) / perDay * 86_400)) : null;
	}

}
