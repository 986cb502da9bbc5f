package io.nopesight.api.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.ChosenModel;
import io.nopesight.analytics.Exhaustion;
import io.nopesight.analytics.ForecastPoint;
import io.nopesight.analytics.Horizons;

/**
 * A forecast as the API shows it: {@code projected_exhaustion} is when the point forecast reaches the
 * capacity line (null when it does not within the horizon), {@code exhaustion_interval} when the 80% band's
 * upper and lower bounds do.
 */
record ForecastResponse(String ciId, @Nullable String ciName, String metric, Map<String, String> labels,
		Instant asOf, String step, String horizon, double threshold, boolean predictable,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String reason, int historyPoints,
		@Nullable Instant lastSampleAt, @Nullable Double lastValue, @Nullable ModelBody model,
		@Nullable Instant projectedExhaustion, @Nullable IntervalBody exhaustionInterval, List<PointBody> points) {

	static ForecastResponse from(CapacityForecast f) {
		Exhaustion exhaustion = f.exhaustion();
		return new ForecastResponse(f.ciId(), f.ciName(), f.metric(), f.labels(), f.asOf(), Horizons.format(f.step()),
				Horizons.format(f.horizon()), f.threshold(), f.predictable(), f.reason(), f.historyPoints(),
				f.lastSampleAt(), round(f.lastValue()), (f.model() != null) ? ModelBody.from(f.model()) : null,
				(exhaustion != null) ? exhaustion.expected() : null,
				(exhaustion != null) ? new IntervalBody(exhaustion.earliest(), exhaustion.latest()) : null,
				f.points().stream().map(PointBody::from).toList());
	}

	record ModelBody(String name, String why, BacktestBody backtest, double trendPerDay, String season) {

		static ModelBody from(ChosenModel model) {
			return new ModelBody(model.name(), model.why(),
					new BacktestBody(model.backtestMase(), model.backtestSmape(), model.backtestOrigins(),
							model.candidates()),
					model.trendPerDay(), model.season());
		}

	}

	/** The chosen model's rolling-origin backtest error and every candidate's MASE. */
	record BacktestBody(double mase, double smape, @Nullable Integer origins, Map<String, Double> candidates) {
	}

	/** The 80% band's dates: the upper bound reaches the line first, the lower bound last (null: not in the horizon). */
	record IntervalBody(Instant earliest, @Nullable Instant latest) {
	}

	record PointBody(Instant timestamp, double value, @JsonProperty("lower_80") double lower80,
			@JsonProperty("upper_80") double upper80, @JsonProperty("lower_95") double lower95,
			@JsonProperty("upper_95") double upper95) {

		static PointBody from(ForecastPoint p) {
			return new PointBody(p.timestamp(), round(p.value()), round(p.lower80()), round(p.upper80()),
					round(p.lower95()), round(p.upper95()));
		}

	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static @Nullable Double round(@Nullable Double value) {
		return (value != null) ? round(value.doubleValue()) : null;
	}

}
