package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The points of one series (a metric of a CI with one set of labels) at one step.
 */
public record MetricSeries(String ciId, String metric, Map<String, String> labels, List<Point> points) {

	/**
	 * A bucket's start (or a raw sample's time) and its value.
	 */
	public record Point(Instant timestamp, double value) {
	}

}
