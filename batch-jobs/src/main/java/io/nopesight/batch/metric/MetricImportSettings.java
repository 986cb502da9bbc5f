package io.nopesight.batch.metric;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Import settings ({@code nopesight.metrics.import.*}): lines per chunk (one transaction), how many skip
 * reasons to keep, where uploaded files wait (default {@code <data-dir>/imports}), and after how long
 * without a heartbeat a running import counts as abandoned and is taken over.
 */
@ConfigurationProperties("nopesight.metrics.import")
public record MetricImportSettings(int chunkSize, int maxSkipReasons, @Nullable Path dir,
		@Nullable Duration staleAfter) {

	public MetricImportSettings {
		chunkSize = (chunkSize <= 0) ? 100_000 : chunkSize;
		maxSkipReasons = (maxSkipReasons <= 0) ? 100 : maxSkipReasons;
		staleAfter = (staleAfter != null) ? staleAfter : Duration.ofSeconds(60);
	}

}
