package io.nopesight.batch.metric;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStore;

/**
 * Stores a chunk's samples and, in the same transaction, its counts and first skip reasons, so the
 * import's figures always match what is stored, crash or not.
 */
class MetricImportWriter implements ItemWriter<ImportRow> {

	private final String importId;

	private final MetricStore store;

	private final JdbcMetricImportRepository imports;

	private final int maxSkipReasons;

	MetricImportWriter(String importId, MetricStore store, JdbcMetricImportRepository imports, int maxSkipReasons) {
		this.importId = importId;
		this.store = store;
		this.imports = imports;
		this.maxSkipReasons = maxSkipReasons;
	}

	@Override
	public void write(Chunk<? extends ImportRow> chunk) {
		List<MetricSample> samples = new ArrayList<>(chunk.size());
		List<MetricImport.SkippedRow> skips = new ArrayList<>();
		for (ImportRow row : chunk) {
			if (row.sample() != null) {
				samples.add(row.sample());
			}
			else {
				skips.add(new MetricImport.SkippedRow(row.line(), row.problem()));
			}
		}
		long written = this.store.write(samples);
		this.imports.recordChunk(this.importId, chunk.size(), written, skips, this.maxSkipReasons);
	}

}
