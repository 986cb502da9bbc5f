package io.nopesight.api.auth;

import org.springframework.http.ResponseEntity;

import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.TokenKind;

/**
 * Lists and revokes stored tokens of one kind, the same way for API keys and discovery tokens.
 */
final class TokenListing {

	private TokenListing() {
	}

	static ResponseEntity<PageResponse<TokenResponse>> list(AccessTokens tokens, TokenKind kind, int page, int limit) {
		Pagination.check(page, limit);
		return PageResponse.of(tokens.list(kind, null, page, limit), TokenResponse::from);
	}

	static TokenResponse revoke(AccessTokens tokens, TokenKind kind, String id) {
		return TokenResponse.from(tokens.revoke(kind, null, id));
	}

}
