package io.nopesight.api.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.access.IssuedToken;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.TokenKind;

/**
 * On a first start without {@code NOPESIGHT_ADMIN_TOKEN}, issues an admin token and prints it once; only
 * its hash is kept.
 */
@Component
class AdminTokenBootstrap {

	private static final Logger logger = LoggerFactory.getLogger(AdminTokenBootstrap.class);

	private final AccessTokens tokens;

	private final TokenAuthenticator authenticator;

	AdminTokenBootstrap(AccessTokens tokens, TokenAuthenticator authenticator) {
		this.tokens = tokens;
		this.authenticator = authenticator;
	}

	@EventListener(ApplicationReadyEvent.class)
	void issueFirstAdminToken() {
		if (this.authenticator.adminConfigured() || this.tokens.anyActive(TokenKind.ADMIN)) {
			return;
		}
		IssuedToken token = this.tokens.issue(TokenKind.ADMIN, "first admin token", "admin",
				Set.of(Principal.ADMIN_SCOPE), null);
		logger.warn("""

				============================================================================
				  NopeSight admin token (shown once, store it now; only its hash is kept):
				  {}
				  Use it as:  curl -H 'Authorization: Bearer {}' http://localhost:8080/v1/cmdb/ci
				============================================================================""",
				token.token(), token.token());
	}

}
