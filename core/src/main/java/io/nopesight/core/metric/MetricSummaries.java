package io.nopesight.core.metric;

import java.util.List;

/**
 * Average and peak per metric per CI over a window, for many CIs at once: what the NL query, reports and
 * capacity planning read. Whole hours come from the roll-ups, the partial hours at either end from the
 * raw samples, so the figures equal a computation over the raw rows.
 */
public interface MetricSummaries {

	List<MetricSummary> summarize(MetricSummaryQuery query);

}
