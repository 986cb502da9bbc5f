package io.nopesight.api.auth;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.access.TokenInfo;

/**
 * A stored token in a list: everything but the secret, and whether it still works.
 */
record TokenResponse(String id, String kind, String name, @Nullable String description, String owner,
		List<String> scopes, String status, Instant createdAt, @Nullable String createdBy, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable String serviceAccountId) {

	static TokenResponse from(TokenInfo token, Instant now) {
		String status = (token.revokedAt() != null) ? "revoked" : token.active(now) ? "active" : "expired";
		return new TokenResponse(token.id(), token.kind().value(), token.name(), token.description(), token.owner(),
				token.scopes(), status, token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt(),
				token.serviceAccountId());
	}

}
