package io.nopesight.core.access;

import java.util.Set;

/**
 * Who a request acts as: the owner named in {@code created_by}/{@code updated_by}, the token that proved
 * it, and the scopes that token grants. The {@code admin} scope grants every other.
 */
public record Principal(String owner, String tokenId, TokenKind kind, Set<String> scopes) {

	public static final String ADMIN_SCOPE = "admin";

	public boolean has(String scope) {
		return this.scopes.contains(ADMIN_SCOPE) || this.scopes.contains(scope);
	}

}
