package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event as a client or an integration reports it. {@code affectedCis} are CI ids or names;
 * {@code createdAt} and {@code status} are for backfills from other tools (default: now, {@code open});
 * {@code fingerprint}, when given, de-duplicates as {@code source} + {@code sourceId} does.
 */
public record NewEvent(@Nullable String title, @Nullable String description, @Nullable String severity,
		@Nullable String status, @Nullable String source, @Nullable String sourceId, @Nullable String fingerprint,
		@Nullable List<String> affectedCis, @Nullable Map<String, @Nullable Object> metrics,
		@Nullable Map<String, @Nullable Object> labels, @Nullable Map<String, @Nullable Object> annotations,
		@Nullable Instant createdAt) {
}
