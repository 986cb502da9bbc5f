package io.nopesight.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.error.ApiError;
import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;
import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.JwtSettings;
import io.nopesight.api.security.Jwts;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.RequestIds;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.access.Lifetimes;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.Scopes;
import io.nopesight.core.access.TokenKind;

/**
 * {@code POST /v1/auth/token}: exchanges an API key, a service-account key (or an admin token) for a
 * short-lived JWT with the same or fewer scopes. A JWT cannot mint another, and neither can a discovery
 * token. The JWT stops working when the key it was minted from is revoked.
 */
@Tag(name = "Tokens")
@RestController
class TokenController {

	private static final Set<TokenKind> MAY_EXCHANGE = Set.of(TokenKind.API_KEY, TokenKind.SERVICE_ACCOUNT,
			TokenKind.ADMIN);

	private final Jwts jwts;

	private final JwtSettings settings;

	TokenController(Jwts jwts, JwtSettings settings) {
		this.jwts = jwts;
		this.settings = settings;
	}

	@PostMapping("/v1/auth/token")
	@RequiredScope(RequiredScope.AUTHENTICATED)
	ResponseEntity<?> issue(@RequestBody(required = false) @Nullable JwtRequest body, HttpServletRequest request) {
		JwtRequest asked = (body != null) ? body : new JwtRequest(null, null);
		Principal principal = CurrentPrincipal.get();
		if (!MAY_EXCHANGE.contains(principal.kind())) {
			return error(request, ErrorCode.PERMISSION_DENIED,
					"Only API keys and service-account keys can be exchanged for a JWT", "authorization");
		}
		Set<String> scopes = (asked.scopes() != null) ? Scopes.check(asked.scopes(), "scopes") : principal.scopes();
		List<String> notHeld = scopes.stream().filter((scope) -> !principal.has(scope)).sorted().toList();
		if (!notHeld.isEmpty()) {
			return error(request, ErrorCode.PERMISSION_DENIED,
					"The token does not hold " + String.join(", ", notHeld), "scopes");
		}
		Duration ttl = (asked.expiresIn() != null) ? Lifetimes.parse(asked.expiresIn(), "expires_in")
				: this.settings.ttl();
		if (ttl.compareTo(this.settings.maxTtl()) > 0) {
			throw new InvalidInputException("expires_in",
					"a JWT may live at most " + this.settings.maxTtl().toSeconds() + " seconds");
		}
		if (!this.jwts.canIssue()) {
			return error(request, ErrorCode.SERVICE_UNAVAILABLE,
					"JWT signing is not configured (nopesight.jwt.hmac-secret or nopesight.jwt.rsa-private-key)",
					"nopesight.jwt");
		}
		Jwts.IssuedJwt jwt = this.jwts.issue(principal, scopes, ttl);
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new JwtResponse(jwt.token(), "Bearer", ttl.toSeconds(), jwt.expiresAt(), jwt.scope(),
					jwt.algorithm()));
	}

	private static ResponseEntity<ApiError> error(HttpServletRequest request, ErrorCode code, String message,
			String field) {
		return ApiErrorWriter.entity(request, code, message, List.of(new ApiError.Detail(field, message)));
	}

	record JwtRequest(@Nullable List<String> scopes, @Nullable String expiresIn) {
	}

	record JwtResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String scope,
			String algorithm) {
	}

}
