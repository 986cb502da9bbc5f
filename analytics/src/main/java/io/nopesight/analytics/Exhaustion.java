package io.nopesight.analytics;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When the capacity line may be reached within the horizon: {@code expected} where the point forecast first
 * reaches it (null when only the band does), {@code earliest} where the upper 80% bound does and
 * {@code latest} where the lower 80% bound does (null when that is beyond the horizon). A forecast whose
 * upper bound never reaches the line has none.
 */
public record Exhaustion(double threshold, @Nullable Instant expected, Instant earliest, @Nullable Instant latest) {
}
