package io.nopesight.batch.metric;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * Imports metric files as a Spring Batch job. {@link #start} stores the file, its record and its work item
 * (kind {@link #WORK_KIND}) in PostgreSQL in one transaction before it returns; the job then runs on
 * whichever node has a free worker. An import cut short by a crash is taken up again, by this node on
 * restart or by another one once the lease lapses, and resumes where its last committed chunk ended.
 */
public interface MetricImports {

	/**
	 * The kind of work item that runs an import's job; its subject is the import id.
	 */
	String WORK_KIND = "metric-import";

	/**
	 * Stores the file (gzip-compressed or not: recognised by its first bytes) and starts importing it;
	 * {@code defaultCi} (an id or name) owns Prometheus samples that carry no {@code instance} label.
	 */
	MetricImport start(InputStream body, MetricImportFormat format, @Nullable String defaultCi, String actor);

	MetricImport get(String id);

}
