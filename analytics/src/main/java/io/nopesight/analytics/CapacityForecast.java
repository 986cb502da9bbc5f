package io.nopesight.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A forecast of one CI's metric (of the series with {@code labels}, the most urgent when the CI reports
 * several): the model chosen and why, points with intervals and the projected exhaustion of the capacity
 * line ({@code threshold}), or, when the series cannot be forecast honestly for this horizon,
 * {@code predictable: false} with the reason and no points.
 */
public record CapacityForecast(String ciId, @Nullable String ciName, String metric, Map<String, String> labels,
		Instant asOf, Duration step, Duration horizon, double threshold, boolean predictable, @Nullable String reason,
		int historyPoints, @Nullable Instant lastSampleAt, @Nullable Double lastValue, @Nullable ChosenModel model,
		List<ForecastPoint> points, @Nullable Exhaustion exhaustion) {

	public CapacityForecast {
		labels = Map.copyOf(labels);
		points = List.copyOf(points);
	}

	/** The largest upper-80% value over the horizon, or the last value when there are no points. */
	public @Nullable Double peakUpper80() {
		if (this.points.isEmpty()) {
			return this.lastValue;
		}
		return this.points.stream().mapToDouble(ForecastPoint::upper80).max().orElseThrow();
	}

	/** The same forecast for a CI whose name is now known. */
	CapacityForecast named(@Nullable String name) {
		return new CapacityForecast(this.ciId, name, this.metric, this.labels, this.asOf, this.step, this.horizon,
				this.threshold, this.predictable, this.reason, this.historyPoints, this.lastSampleAt, this.lastValue,
				this.model, this.points, this.exhaustion);
	}

}
