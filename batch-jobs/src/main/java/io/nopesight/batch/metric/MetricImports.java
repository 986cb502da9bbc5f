package io.nopesight.batch.metric;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * Imports metric files as a Spring Batch job. {@link #start} stores the file durably (data folder) and
 * its record (PostgreSQL) before it returns, then runs the job in the background; an import cut short
 * by a crash is picked up again, by this node on restart or by another one, and resumes where its last
 * committed chunk ended.
 */
public interface MetricImports {

	/**
	 * Stores the file (gzip-compressed or not: recognised by its first bytes) and starts importing it;
	 * {@code defaultCi} (an id or name) owns Prometheus samples that carry no {@code instance} label.
	 */
	MetricImport start(InputStream body, MetricImportFormat format, @Nullable String defaultCi, String actor);

	MetricImport get(String id);

}
