package io.nopesight.batch.metric;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.MetricSample;

/**
 * What became of a line: a sample to store, or the reason it was skipped.
 */
record ImportRow(long line, @Nullable MetricSample sample, @Nullable String problem) {

	static ImportRow sample(long line, MetricSample sample) {
		return new ImportRow(line, sample, null);
	}

	static ImportRow skipped(long line, String problem) {
		return new ImportRow(line, null, problem);
	}

}
