package io.nopesight.batch.metric;

import java.io.InputStream;
import java.io.PushbackInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Ids;
import io.nopesight.core.work.WorkQueue;

@Service
class DefaultMetricImports implements MetricImports {

	private final MetricImportContent content;

	private final JdbcMetricImportRepository imports;

	private final WorkQueue work;

	DefaultMetricImports(MetricImportContent content, JdbcMetricImportRepository imports, WorkQueue work) {
		this.content = content;
		this.imports = imports;
		this.work = work;
	}

	@Override
	@Transactional
	public MetricImport start(InputStream body, MetricImportFormat format, @Nullable String defaultCi, String actor) {
		String id = Ids.next("job");
		PushbackInputStream in = new PushbackInputStream(body, 2);
		this.imports.insert(id, format, MetricImportContent.startsWithGzip(in), defaultCi, actor);
		this.content.store(id, in);
		this.work.submit(WORK_KIND, id);
		return get(id);
	}

	@Override
	public MetricImport get(String id) {
		return this.imports.find(id)
			.map((stored) -> stored.toImport(this.imports.skipped(id)))
			.orElseThrow(() -> new MetricImportNotFoundException(id));
	}

}
