package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A forecast of one CI's metric: the model chosen and why, points with intervals and the projected
 * exhaustion of the capacity line, or, when the series cannot be forecast honestly for this horizon,
 * {@code predictable: false} with the reason and no points.
 */
public record CapacityForecast(String ciId, @Nullable String ciName, String metric, Instant asOf, Duration step,
		Duration horizon, boolean predictable, @Nullable String reason, int historyPoints,
		@Nullable Double lastValue, @Nullable ChosenModel model, List<ForecastPoint> points,
		@Nullable Exhaustion exhaustion) {

	public CapacityForecast {
		points = List.copyOf(points);
	}

	/**
	 * The largest upper-80% value over the horizon, or the last value when there are no points.
	 */
	public @Nullable Double peakUpper80() {
		return this.points.stream().mapToDouble(ForecastPoint::upper80).max().stream().boxed().findFirst()
			.orElse(this.lastValue);
	}

}
