package io.nopesight.core.metric;

import java.time.Instant;
import java.util.Map;

/**
 * One measurement of one CI: a metric name, optional labels that tell series of the same metric apart
 * (a disk, a CPU core), a time and a value. The store keeps one sample per CI, metric, labels and time.
 */
public record MetricSample(String ciId, String metric, Map<String, String> labels, Instant timestamp, double value) {

	public MetricSample {
		labels = Map.copyOf(labels);
	}

	public MetricSample(String ciId, String metric, Instant timestamp, double value) {
		this(ciId, metric, Map.of(), timestamp, value);
	}

}
