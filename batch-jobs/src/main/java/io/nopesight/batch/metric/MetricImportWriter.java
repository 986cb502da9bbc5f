package io.nopesight.batch.metric;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.nopesight.core.metric.MetricStore;

/**
 * Stores a chunk's samples and, in the same transaction, its counts and first skip reasons, so the
 * import's figures always match what is stored, crash or not.
 */
class MetricImportWriter implements ItemWriter<ImportBlock> {

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
	public void write(Chunk<? extends ImportBlock> chunk) {
		for (ImportBlock block : chunk) {
			long written = this.store.write(block.samples());
			this.imports.recordChunk(this.importId, block.rowsRead(), written, block.skipped(), block.skipReasons(),
					this.maxSkipReasons);
		}
	}

}
