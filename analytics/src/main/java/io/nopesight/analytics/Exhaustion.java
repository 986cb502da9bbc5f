package io.nopesight.analytics;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When the capacity line is reached within the horizon: {@code expected} where the point forecast first
 * reaches it, {@code earliest} where the upper 80% bound does and {@code latest} where the lower 80% bound
 * does (null when that is beyond the horizon). Absent from a forecast whose upper bound never reaches it.
 */
public record Exhaustion(double threshold, @Nullable Instant expected, Instant earliest, @Nullable Instant latest) {
}
