package io.nopesight.batch.metric;

import java.time.Instant;
import java.util.Map;

/**
 * A sample as a file states it, its CI still a reference: an id or name (CSV), or the {@code instance}
 * label (Prometheus text).
 */
record ParsedSample(String ci, boolean ciIsInstance, String metric, Map<String, String> labels, Instant timestamp,
		double value) {
}
