package io.nopesight.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The anomalies of one CI's metric over {@code [from, to)}: episodes of consecutive points outside the 99%
 * interval of the named model's one-step-ahead forecasts, largest first.
 */
public record AnomalyReport(String ciId, String metric, Instant from, Instant to, String model, int pointsChecked,
		List<AnomalyEpisode> episodes) {

	public AnomalyReport {
		episodes = List.copyOf(episodes);
	}

}
