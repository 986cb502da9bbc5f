package io.nopesight.core.discovery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters and page for the scan history, newest first.
 */
public record ScanQuery(@Nullable String scannerId, @Nullable ScanStatus status, @Nullable Instant from,
		@Nullable Instant to, int page, int limit) {

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
