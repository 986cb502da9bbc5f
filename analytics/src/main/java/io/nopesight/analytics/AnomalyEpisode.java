package io.nopesight.analytics;

import java.time.Instant;

/**
 * Consecutive anomalous points: when they started and ended (the last point's time), how many, the value
 * furthest from its forecast, what was expected there, how far off it was ({@code deviation}, in the metric's
 * units, and in standard deviations of the one-step error), and whether it was {@code above} or {@code below}.
 */
public record AnomalyEpisode(Instant start, Instant end, int points, double peakValue, double expected,
		double deviation, double sigmas, String direction) {
}
