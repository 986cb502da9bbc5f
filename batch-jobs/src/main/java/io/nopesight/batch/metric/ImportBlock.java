package io.nopesight.batch.metric;

import java.util.List;

import io.nopesight.core.metric.MetricBatch;

/**
 * One chunk of an import file, parsed: its samples, how many rows it read (blank lines, comments and
 * the CSV header are not rows), the rows skipped with the first reasons, and the number of the last
 * file line it consumed, which is where a restarted import resumes.
 */
record ImportBlock(long lastLine, int rowsRead, MetricBatch samples, long skipped,
		List<MetricImport.SkippedRow> skipReasons) {
}
