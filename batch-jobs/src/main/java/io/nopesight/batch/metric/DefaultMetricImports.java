package io.nopesight.batch.metric;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.nopesight.core.Ids;

@Service
class DefaultMetricImports implements MetricImports {

	private final MetricImportFiles files;

	private final JdbcMetricImportRepository imports;

	private final MetricImportRunner runner;

	DefaultMetricImports(MetricImportFiles files, JdbcMetricImportRepository imports, MetricImportRunner runner) {
		this.files = files;
		this.imports = imports;
		this.runner = runner;
	}

	@Override
	public MetricImport start(InputStream body, MetricImportFormat format, @Nullable String defaultCi, String actor) {
		String id = Ids.next("job");
		MetricImportFiles.Stored stored = this.files.store(id, body);
		this.imports.insert(id, format, stored.file().toString(), stored.gzip(), defaultCi, actor, this.runner.node());
		this.runner.launch(id);
		return get(id);
	}

	@Override
	public MetricImport get(String id) {
		return this.imports.find(id)
			.map((stored) -> stored.toImport(this.imports.skipped(id)))
			.orElseThrow(() -> new MetricImportNotFoundException(id));
	}

}
