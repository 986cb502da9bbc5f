package io.nopesight.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.nopesight.core.Ids;

@Service
class DefaultAccessTokens implements AccessTokens {

	private static final String INSERT = """
			INSERT INTO access_token (id, kind, name, owner, token_hash, scopes, expires_at)
			VALUES (:id, :kind, :name, :owner, :hash, :scopes, :expiresAt)
			""";

	private static final String FIND_ACTIVE = """
			SELECT id, kind, owner, scopes FROM access_token
			WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			""";

	private static final String ANY_ACTIVE = """
			SELECT count(*) > 0 FROM access_token
			WHERE kind = :kind AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	DefaultAccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public IssuedToken issue(TokenKind kind, String name, String owner, Set<String> scopes,
			@Nullable Instant expiresAt) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String id = Ids.next("token");
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("kind", kind.value())
			.param("name", name)
			.param("owner", owner)
			.param("hash", hash(token))
			.param("scopes", scopes.toArray(String[]::new))
			.param("expiresAt", (expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.update();
		return new IssuedToken(id, token, name, expiresAt);
	}

	@Override
	public Optional<Principal> authenticate(String token) {
		return this.jdbc.sql(FIND_ACTIVE).param("hash", hash(token)).query((rs, n) -> {
			String[] scopes = (String[]) rs.getArray("scopes").getArray();
			return new Principal(rs.getString("owner"), rs.getString("id"),
					TokenKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
					Set.copyOf(java.util.Arrays.asList(scopes)));
		}).optional();
	}

	@Override
	public boolean anyActive(TokenKind kind) {
		return this.jdbc.sql(ANY_ACTIVE).param("kind", kind.value()).query(Boolean.class).single();
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
