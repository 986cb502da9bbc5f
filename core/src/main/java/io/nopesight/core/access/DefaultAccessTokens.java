package io.nopesight.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Ids;
import io.nopesight.core.Page;
import io.nopesight.core.access.JdbcAccessTokenRepository.StoredToken;

@Service
class DefaultAccessTokens implements AccessTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcAccessTokenRepository tokens;

	private final TokenCache cache;

	private final Clock clock;

	DefaultAccessTokens(JdbcAccessTokenRepository tokens, TokenCache cache, Clock clock) {
		this.tokens = tokens;
		this.cache = cache;
		this.clock = clock;
	}

	@Override
	public IssuedToken issue(NewToken token) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String value = token.kind().prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String id = Ids.next("token");
		List<String> scopes = token.scopes().stream().sorted().toList();
		this.tokens.insert(id, token, hash(value), scopes);
		return new IssuedToken(id, value, token.name(), token.expiresAt(), scopes);
	}

	@Override
	public Optional<Principal> authenticate(String token) {
		String hash = hash(token);
		return find("hash:" + hash, (now) -> this.tokens.findActiveByHash(hash, now));
	}

	@Override
	public boolean isActive(String id) {
		return find("id:" + id, (now) -> this.tokens.findActiveById(id, now)).isPresent();
	}

	private Optional<Principal> find(String key, Function<Instant, Optional<StoredToken>> lookup) {
		Instant now = this.clock.instant();
		Principal cached = this.cache.find(key, now);
		if (cached != null) {
			return Optional.of(cached);
		}
		long generation = this.cache.generation();
		Optional<StoredToken> stored = lookup.apply(now);
		stored.ifPresent((s) -> this.cache.put(key, s.principal(), s.expiresAt(), generation));
		return stored.map(StoredToken::principal);
	}

	@Override
	public boolean anyActive(TokenKind kind) {
		return this.tokens.anyActive(kind, this.clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Page<TokenInfo> list(TokenKind kind, @Nullable String serviceAccountId, int page, int limit) {
		long total = this.tokens.count(kind, serviceAccountId);
		return new Page<>(this.tokens.list(kind, serviceAccountId, page, limit), total, page, limit);
	}

	@Override
	public TokenInfo revoke(TokenKind kind, @Nullable String serviceAccountId, String id) {
		TokenInfo revoked = this.tokens.revoke(kind, serviceAccountId, id)
			.orElseThrow(() -> new TokenNotFoundException(id));
		this.cache.changed();
		return revoked;
	}

	/**
	 * Tokens are long random secrets, so one round of SHA-256 is enough to make a stolen table useless.
	 */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
