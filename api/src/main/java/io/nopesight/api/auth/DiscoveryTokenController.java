package io.nopesight.api.auth;

import java.time.Clock;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.TokenKind;

/**
 * Discovery tokens as the API reference shows them: {@code nsd_k_...}, shown once. Requests made with one
 * act as the token's name.
 */
@Tag(name = "Discovery tokens")
@RestController
@RequestMapping("/v1/discovery/tokens")
class DiscoveryTokenController {

	private final AccessTokens tokens;

	private final Clock clock;

	DiscoveryTokenController(AccessTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@PostMapping
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<IssuedTokenResponse> create(@RequestBody TokenRequest request) {
		return TokenEndpoints.issue(this.tokens, this.clock, TokenKind.DISCOVERY, "/v1/discovery/tokens",
				request.checkedName(), null, request);
	}

	@GetMapping
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<PageResponse<TokenResponse>> list(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		return TokenEndpoints.list(this.tokens, this.clock, TokenKind.DISCOVERY, page, limit);
	}

	@DeleteMapping("/{id}")
	@RequiredScope(Principal.ADMIN_SCOPE)
	TokenResponse revoke(@PathVariable String id) {
		return TokenEndpoints.revoke(this.tokens, this.clock, TokenKind.DISCOVERY, id);
	}

}
