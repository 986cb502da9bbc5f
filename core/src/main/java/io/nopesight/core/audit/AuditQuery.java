package io.nopesight.core.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters for reading the audit log; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(@Nullable String actor, @Nullable Instant from, @Nullable Instant to) {
}
