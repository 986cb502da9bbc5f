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
 * Turns a bearer token into the principal it stands for: the configured admin token first, then the
 * stored tokens.
 */
@Component
class TokenAuthenticator {

	static final String CONFIGURED_ADMIN = "admin";

	private final AccessTokens tokens;

	private final byte[] configuredAdmin;

	TokenAuthenticator(AccessTokens tokens, AdminTokenSettings settings) {
		this.tokens = tokens;
		String token = settings.token();
		this.configuredAdmin = (token != null && !token.isBlank()) ? token.getBytes(StandardCharsets.UTF_8) : null;
	}

	Optional<Principal> authenticate(String token) {
		if (this.configuredAdmin != null
				&& MessageDigest.isEqual(this.configuredAdmin, token.getBytes(StandardCharsets.UTF_8))) {
			return Optional.of(new Principal(CONFIGURED_ADMIN, "token_configured_admin", TokenKind.ADMIN,
					Set.of(Principal.ADMIN_SCOPE)));
		}
		return this.tokens.authenticate(token);
	}

	boolean adminConfigured() {
		return this.configuredAdmin != null;
	}

}
