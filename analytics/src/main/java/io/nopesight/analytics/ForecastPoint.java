package io.nopesight.analytics;

import java.time.Instant;

/**
 * One forecast step: the point forecast and its 80% and 95% prediction intervals.
 */
public record ForecastPoint(Instant timestamp, double value, double lower80, double upper80, double lower95,
		double upper95) {
}
