package io.nopesight.core.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One write through the API: who ({@code actor}, the token's owner, and the token), what ({@code method},
 * {@code path}, the matched {@code route}, the {@code targetId} where known), when, the outcome
 * ({@code status}: none when the change committed but the node stopped before answering) and the request
 * id that ties it to the logs.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, @Nullable String tokenId,
		@Nullable String tokenKind, String method, String path, @Nullable String route, @Nullable Integer status,
		@Nullable String requestId, @Nullable String targetId) {
}
