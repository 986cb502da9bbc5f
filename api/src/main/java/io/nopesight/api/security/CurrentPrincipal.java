package io.nopesight.api.security;

import java.util.Optional;

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
		return find().orElseThrow(() -> new IllegalStateException("No authenticated principal for this request"));
	}

	/**
	 * The principal, when the request carries a valid token.
	 */
	public static Optional<Principal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof TokenAuthentication token) ? Optional.of(token.getPrincipal())
				: Optional.empty();
	}

	public static String owner() {
		return get().owner();
	}

}
