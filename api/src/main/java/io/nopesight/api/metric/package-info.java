/**
 * Metric ingestion (JSON batches, file imports, Prometheus remote write) and reads (series, summaries).
 */
@NullMarked
package io.nopesight.api.metric;

import org.jspecify.annotations.NullMarked;
