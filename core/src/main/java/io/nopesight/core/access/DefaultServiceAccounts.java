package io.nopesight.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;

@Service
class DefaultServiceAccounts implements ServiceAccounts {

	private final JdbcServiceAccountRepository accounts;

	private final JdbcAccessTokenRepository keys;

	private final AccessTokens tokens;

	private final TokenCache cache;

	DefaultServiceAccounts(JdbcServiceAccountRepository accounts, JdbcAccessTokenRepository keys, AccessTokens tokens,
			TokenCache cache) {
		this.accounts = accounts;
		this.keys = keys;
		this.tokens = tokens;
		this.cache = cache;
	}

	@Override
	public ServiceAccount create(String name, @Nullable String description, Set<String> scopes, String createdBy) {
		ServiceAccount account = new ServiceAccount(Ids.next("sa"), name, description,
				scopes.stream().sorted().toList(), Instant.now(), createdBy);
		try {
			this.accounts.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A service account named '" + name + "' already exists");
		}
		return account;
	}

	@Override
	public ServiceAccount get(String id) {
		return this.accounts.findLive(id).orElseThrow(() -> new ServiceAccountNotFoundException(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ServiceAccount> list(int page, int limit) {
		return new Page<>(this.accounts.findLive(page, limit), this.accounts.countLive(), page, limit);
	}

	@Override
	@Transactional
	public void delete(String id) {
		if (!this.accounts.markDeleted(id)) {
			throw new ServiceAccountNotFoundException(id);
		}
		this.keys.revokeForServiceAccount(id);
		this.cache.changed();
	}

	@Override
	@Transactional
	public IssuedToken issueKey(String id, String name, @Nullable Set<String> scopes, @Nullable Instant expiresAt,
			String createdBy) {
		ServiceAccount account = get(id);
		Set<String> granted = (scopes != null && !scopes.isEmpty()) ? scopes : Set.copyOf(account.scopes());
		List<String> beyond = granted.stream().filter((scope) -> !account.scopes().contains(scope)).sorted().toList();
		if (!beyond.isEmpty() && !account.scopes().contains(Principal.ADMIN_SCOPE)) {
			throw new InvalidInputException("scopes",
					"the account does not have " + String.join(", ", beyond) + "; its scopes: " + account.scopes());
		}
		return this.tokens.issue(new NewToken(TokenKind.SERVICE_ACCOUNT, name, null, account.name(), granted,
				expiresAt, createdBy, account.id()));
	}

	@Override
	public Page<TokenInfo> keys(String id, int page, int limit) {
		get(id);
		return this.tokens.list(TokenKind.SERVICE_ACCOUNT, id, page, limit);
	}

	@Override
	public TokenInfo revokeKey(String id, String keyId) {
		get(id);
		return this.tokens.revoke(TokenKind.SERVICE_ACCOUNT, id, keyId);
	}

}
