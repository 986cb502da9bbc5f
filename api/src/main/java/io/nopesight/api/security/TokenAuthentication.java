package io.nopesight.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.nopesight.core.access.Principal;

/**
 * A request authenticated by a bearer token; its authorities are the token's scopes.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Principal principal;

	TokenAuthentication(Principal principal) {
		super(principal.scopes().stream().map(SimpleGrantedAuthority::new).toList());
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Principal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.owner();
	}

}
