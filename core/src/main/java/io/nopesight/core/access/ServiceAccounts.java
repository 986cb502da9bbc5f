package io.nopesight.core.access;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Page;


/**
 * Service accounts and their keys. A key never carries more scopes than its account; deleting an account
 * revokes all its keys at once.
 */
public interface ServiceAccounts {

	/**
	 * @throws io.nopesight.core.ConflictException when a live account already has the name
	 */
	ServiceAccount create(String name, @Nullable String description, Set<String> scopes, String createdBy);

	ServiceAccount get(String id);

	Page<ServiceAccount> list(int page, int limit);

	void delete(String id);

	/**
	 * Issues a key with the given scopes, or the account's own when none are given.
	 * @throws io.nopesight.core.InvalidInputException when a scope is not the account's
	 */
	IssuedToken issueKey(String id, String name, @Nullable Set<String> scopes, @Nullable Instant expiresAt,
			String createdBy);

	Page<TokenInfo> keys(String id, int page, int limit);

	TokenInfo revokeKey(String id, String keyId);

}
