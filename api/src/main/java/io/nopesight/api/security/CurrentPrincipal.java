package io.nopesight.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.nopesight.core.access.Principal;

/**
 * Who the current request acts as.
 */
public final class CurrentPrincipal {

	private CurrentPrincipal() {
	}

	public static Principal get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TokenAuthentication token) {
			return token.getPrincipal();
		}
		throw new IllegalStateException("No authenticated principal for this request");
	}

	/**
	 * The principal, when the request carries a valid token.
	 */
	public static java.util.Optional<Principal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof TokenAuthentication token) ? java.util.Optional.of(token.getPrincipal())
				: java.util.Optional.empty();
	}

	public static String owner() {
		return get().owner();
	}

}
