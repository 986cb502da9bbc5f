package io.nopesight.core.access;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Page;


/**
 * Issues bearer tokens, lists and revokes them, and recognises them. Only a token's SHA-256 hash is
 * stored. Expired and revoked tokens are not recognised, from the moment they expire or are revoked.
 */
public interface AccessTokens {

	IssuedToken issue(NewToken token);

	default IssuedToken issue(TokenKind kind, String name, String owner, Set<String> scopes,
			@Nullable Instant expiresAt) {
		return issue(NewToken.of(kind, name, owner, scopes, expiresAt));
	}

	Optional<Principal> authenticate(String token);

	/**
	 * Whether the token with this id is neither expired nor revoked (for JWTs minted from it).
	 */
	boolean isActive(String id);

	boolean anyActive(TokenKind kind);

	Page<TokenInfo> list(TokenKind kind, @Nullable String serviceAccountId, int page, int limit);

	/**
	 * Revokes a token of the given kind (and service account, when given); revoking twice is harmless.
	 * @throws TokenNotFoundException when there is no such token
	 */
	TokenInfo revoke(TokenKind kind, @Nullable String serviceAccountId, String id);

}
