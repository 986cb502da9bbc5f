package io.nopesight.core.access;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Issues bearer tokens and recognises them. Expired and revoked tokens are not recognised.
 */
public interface AccessTokens {

	IssuedToken issue(TokenKind kind, String name, String owner, Set<String> scopes, @Nullable Instant expiresAt);

	Optional<Principal> authenticate(String token);

	boolean anyActive(TokenKind kind);

}
