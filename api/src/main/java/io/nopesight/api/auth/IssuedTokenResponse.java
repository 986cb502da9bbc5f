package io.nopesight.api.auth;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.access.IssuedToken;

/**
 * A token just issued: the only response that ever carries its secret.
 */
record IssuedTokenResponse(String id, String token, String name, @Nullable Instant expiresAt, List<String> scopes) {

	static IssuedTokenResponse from(IssuedToken token) {
		return new IssuedTokenResponse(token.id(), token.token(), token.name(), token.expiresAt(), token.scopes());
	}

}
