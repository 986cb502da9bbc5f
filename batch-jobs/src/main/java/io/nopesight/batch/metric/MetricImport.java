package io.nopesight.batch.metric;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An import and how far it got: {@code status} is {@code running}, {@code completed} or {@code failed};
 * {@code skipped} holds the first skipped rows and why (all of them are counted in {@code rowsSkipped}).
 */
public record MetricImport(String id, MetricImportFormat format, String status, long rowsRead, long rowsWritten,
		long rowsSkipped, List<SkippedRow> skipped, @Nullable String error, Instant createdAt,
		@Nullable Instant finishedAt) {

	/**
	 * A skipped line of the file (counted from 1) and the reason.
	 */
	public record SkippedRow(long line, String reason) {
	}

}
