package io.nopesight.core.access;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored token as it can be shown: everything but its secret, which is never kept.
 */
public record TokenInfo(String id, TokenKind kind, String name, @Nullable String description, String owner,
		List<String> scopes, Instant createdAt, @Nullable String createdBy, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable String serviceAccountId) {

	public boolean active(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

}
