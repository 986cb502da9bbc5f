package io.nopesight.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Ids;
import io.nopesight.core.cmdb.Page;

@Service
class DefaultAccessTokens implements AccessTokens {

	private static final String INSERT = """
			INSERT INTO access_token (id, kind, name, description, owner, token_hash, scopes, expires_at, created_by,
			                          service_account_id)
			VALUES (:id, :kind, :name, :description, :owner, :hash, :scopes, :expiresAt, :createdBy, :serviceAccountId)
			""";

	// one unique-index probe, on a cache miss
	private static final String FIND_ACTIVE = """
			SELECT id, kind, owner, scopes, expires_at FROM access_token
			WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			""";

	private static final String FIND_ACTIVE_BY_ID = """
			SELECT id, kind, owner, scopes, expires_at FROM access_token
			WHERE id = :id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			""";

	private static final String ANY_ACTIVE = """
			SELECT count(*) > 0 FROM access_token
			WHERE kind = :kind AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
			""";

	private static final String COLUMNS = """
			id, kind, name, description, owner, scopes, created_at, created_by, expires_at, revoked_at,
			service_account_id
			""";

	private static final String LIST = "SELECT " + COLUMNS + """
			FROM access_token
			WHERE kind = :kind AND (CAST(:serviceAccountId AS text) IS NULL OR service_account_id = :serviceAccountId)
			ORDER BY created_at DESC, id DESC
			LIMIT :limit OFFSET :offset
			""";

	private static final String COUNT = """
			SELECT count(*) FROM access_token
			WHERE kind = :kind AND (CAST(:serviceAccountId AS text) IS NULL OR service_account_id = :serviceAccountId)
			""";

	private static final String REVOKE = """
			UPDATE access_token SET revoked_at = coalesce(revoked_at, now())
			WHERE id = :id AND kind = :kind
			  AND (CAST(:serviceAccountId AS text) IS NULL OR service_account_id = :serviceAccountId)
			RETURNING
			""" + COLUMNS;

	private static final RowMapper<TokenInfo> TOKEN_INFO = (rs, n) -> new TokenInfo(rs.getString("id"),
			TokenKind.of(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
			rs.getString("owner"), List.of(scopes(rs)), rs.getTimestamp("created_at").toInstant(),
			rs.getString("created_by"), instant(rs.getTimestamp("expires_at")),
			instant(rs.getTimestamp("revoked_at")), rs.getString("service_account_id"));

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TokenCache cache;

	DefaultAccessTokens(JdbcClient jdbc, TokenCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	@Override
	public IssuedToken issue(NewToken token) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String value = token.kind().prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String id = Ids.next("token");
		List<String> scopes = token.scopes().stream().sorted().toList();
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("kind", token.kind().value())
			.param("name", token.name())
			.param("description", token.description())
			.param("owner", token.owner())
			.param("hash", hash(value))
			.param("scopes", scopes.toArray(String[]::new))
			.param("expiresAt", (token.expiresAt() != null) ? Timestamp.from(token.expiresAt()) : null)
			.param("createdBy", token.createdBy())
			.param("serviceAccountId", token.serviceAccountId())
			.update();
		return new IssuedToken(id, value, token.name(), token.expiresAt(), scopes);
	}

	@Override
	public Optional<Principal> authenticate(String token) {
		String hash = hash(token);
		return find("hash:" + hash, FIND_ACTIVE, "hash", hash);
	}

	@Override
	public boolean isActive(String id) {
		return find("id:" + id, FIND_ACTIVE_BY_ID, "id", id).isPresent();
	}

	private Optional<Principal> find(String key, String sql, String name, String value) {
		Principal cached = this.cache.find(key, Instant.now());
		if (cached != null) {
			return Optional.of(cached);
		}
		long generation = this.cache.generation();
		Optional<Stored> stored = this.jdbc.sql(sql)
			.param(name, value)
			.query((rs, n) -> new Stored(new Principal(rs.getString("owner"), rs.getString("id"),
					TokenKind.of(rs.getString("kind")), Set.of(scopes(rs))), instant(rs.getTimestamp("expires_at"))))
			.optional();
		stored.ifPresent((s) -> this.cache.put(key, s.principal(), s.expiresAt(), generation));
		return stored.map(Stored::principal);
	}

	@Override
	public boolean anyActive(TokenKind kind) {
		return this.jdbc.sql(ANY_ACTIVE).param("kind", kind.value()).query(Boolean.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<TokenInfo> list(TokenKind kind, @Nullable String serviceAccountId, int page, int limit) {
		long total = this.jdbc.sql(COUNT)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.query(Long.class)
			.single();
		List<TokenInfo> items = this.jdbc.sql(LIST)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.param("limit", limit)
			.param("offset", (long) (page - 1) * limit)
			.query(TOKEN_INFO)
			.list();
		return new Page<>(items, total, page, limit);
	}

	@Override
	public TokenInfo revoke(TokenKind kind, @Nullable String serviceAccountId, String id) {
		return this.jdbc.sql(REVOKE)
			.param("id", id)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.query(TOKEN_INFO)
			.optional()
			.map((info) -> {
				this.cache.changed();
				return info;
			})
			.orElseThrow(() -> new TokenNotFoundException(id));
	}

	private record Stored(Principal principal, @Nullable Instant expiresAt) {
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

	private static String[] scopes(ResultSet rs) throws SQLException {
		String[] scopes = (String[]) rs.getArray("scopes").getArray();
		Arrays.sort(scopes);
		return scopes;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
