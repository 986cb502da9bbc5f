package io.nopesight.api.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.IssuedToken;
import io.nopesight.core.access.NewToken;
import io.nopesight.core.access.TokenKind;

/**
 * Issues, lists and revokes stored tokens of one kind, the same way for API keys and discovery tokens.
 */
final class TokenEndpoints {

	private TokenEndpoints() {
	}

	/**
	 * Issues a token named {@code name} (already checked) acting as {@code owner}, or as its name when no
	 * owner is given; the rest of the request is checked here.
	 */
	static ResponseEntity<IssuedTokenResponse> issue(AccessTokens tokens, Clock clock, TokenKind kind,
			String collection, String name, @Nullable String owner, TokenRequest request) {
		Set<String> scopes = request.checkedScopes();
		IssuedToken token = tokens.issue(new NewToken(kind, name,
				TokenRequest.text("description", request.description(), false), (owner != null) ? owner : name,
				scopes, request.expiresAt(clock.instant()), CurrentPrincipal.owner(), null));
		return ResponseEntity.created(URI.create(collection + "/" + token.id())).body(IssuedTokenResponse.from(token));
	}

	static ResponseEntity<PageResponse<TokenResponse>> list(AccessTokens tokens, Clock clock, TokenKind kind, int page,
			int limit) {
		Pagination.check(page, limit);
		Instant now = clock.instant();
		return PageResponse.of(tokens.list(kind, null, page, limit), (token) -> TokenResponse.from(token, now));
	}

	static TokenResponse revoke(AccessTokens tokens, Clock clock, TokenKind kind, String id) {
		return TokenResponse.from(tokens.revoke(kind, null, id), clock.instant());
	}

}
