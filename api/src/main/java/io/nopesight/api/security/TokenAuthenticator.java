package io.nopesight.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.TokenKind;

/**
 * Turns a bearer token into the principal it stands for: the configured admin token first, then JWTs
 * (a token with two dots) by their signature, then the stored tokens by their hash. {@link AccessTokens}
 * caches stored tokens only while it hears of every change (PostgreSQL {@code NOTIFY}), so a revoke takes
 * effect at once on the node that made it and as soon as the notification arrives on the others; an expiry
 * takes effect on the next request.
 */
@Component
class TokenAuthenticator {

	static final String CONFIGURED_ADMIN = "admin";

	static final String CONFIGURED_ADMIN_ID = "token_configured_admin";

	private final AccessTokens tokens;

	private final Jwts jwts;

	private final byte[] configuredAdmin;

	TokenAuthenticator(AccessTokens tokens, Jwts jwts, AdminTokenSettings settings) {
		this.tokens = tokens;
		this.jwts = jwts;
		String token = settings.token();
		this.configuredAdmin = (token != null && !token.isBlank()) ? token.getBytes(StandardCharsets.UTF_8) : null;
	}

	Optional<Principal> authenticate(String token) {
		if (this.configuredAdmin != null
				&& MessageDigest.isEqual(this.configuredAdmin, token.getBytes(StandardCharsets.UTF_8))) {
			return Optional.of(new Principal(CONFIGURED_ADMIN, CONFIGURED_ADMIN_ID, TokenKind.ADMIN,
					Set.of(Principal.ADMIN_SCOPE)));
		}
		if (Jwts.looksLikeJwt(token)) {
			return this.jwts.verify(token);
		}
		if (token.length() > 256) {
			return Optional.empty();
		}
		return this.tokens.authenticate(token);
	}

	boolean adminConfigured() {
		return this.configuredAdmin != null;
	}

}
