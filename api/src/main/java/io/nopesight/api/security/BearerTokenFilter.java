package io.nopesight.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nopesight.core.access.Principal;

/**
 * Reads {@code Authorization: Bearer <token>}; a token that is present but not valid is refused at once
 * rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final TokenAuthenticator authenticator;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(TokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
		this.authenticator = authenticator;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
			this.entryPoint.commence(request, response,
					new BadCredentialsException("Authorization header must be 'Bearer <token>'"));
			return;
		}
		Optional<Principal> principal = this.authenticator.authenticate(header.substring(PREFIX.length()).trim());
		if (principal.isEmpty()) {
			this.entryPoint.commence(request, response,
					new BadCredentialsException("The bearer token is not valid, has expired or was revoked"));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(principal.get()));
		chain.doFilter(request, response);
	}

}
