package io.nopesight.batch.metric;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Import settings ({@code nopesight.metrics.import.*}): lines per chunk (one transaction), how many skip
 * reasons to keep, and how many imports one node runs at a time.
 */
@ConfigurationProperties("nopesight.metrics.import")
public record MetricImportSettings(int chunkSize, int maxSkipReasons, int concurrency) {

	public MetricImportSettings {
		chunkSize = (chunkSize <= 0) ? 100_000 : chunkSize;
		maxSkipReasons = (maxSkipReasons <= 0) ? 100 : maxSkipReasons;
		concurrency = (concurrency <= 0) ? 2 : concurrency;
	}

}
