package io.nopesight.core.metric;

import java.time.Instant;
import java.util.List;

/**
 * The time-series store. Writes are idempotent: a sample already stored for the same CI, metric, labels
 * and time is left as it is (the first value wins), so re-sending a batch never duplicates it. The day
 * roll-ups (each with its 24 hourly slots) are maintained in the same transaction as the samples.
 */
public interface MetricStore {

	/**
	 * Stores the samples (in the caller's transaction, or its own) and returns how many were new.
	 */
	long write(List<MetricSample> samples);

	/**
	 * An empty batch to fill (possibly on another thread) and pass to {@link #write(MetricBatch)}.
	 */
	MetricBatch newBatch(int expectedSize);

	/**
	 * Stores the batch's samples like {@link #write(List)}; of two samples of one series and time in the
	 * batch the first one added is kept.
	 */
	long write(MetricBatch batch);

	List<MetricSeries> read(MetricSeriesQuery query);

	/**
	 * Drops sample partitions older than the raw retention and roll-up partitions older than the hourly
	 * retention, counted back from {@code now}; returns the names of the dropped partitions.
	 */
	List<String> dropExpired(Instant now);

}
