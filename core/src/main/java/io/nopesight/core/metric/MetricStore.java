package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;

/**
 * The time-series store. Writes are idempotent: a sample already stored for the same CI, metric, labels
 * and time is left as it is (the first value wins), so re-sending a batch never duplicates it. Hourly
 * roll-ups are maintained in the same transaction as the samples.
 */
public interface MetricStore {

	/**
	 * Stores the samples (in the caller's transaction, or its own) and returns how many were new.
	 */
	long write(List<MetricSample> samples);

	List<MetricSeries> read(MetricSeriesQuery query);

	/**
	 * Drops sample partitions older than the raw retention and roll-up partitions older than the hourly
	 * retention, counted back from {@code now}; returns the names of the dropped partitions.
	 */
	List<String> dropExpired(Instant now);

}
