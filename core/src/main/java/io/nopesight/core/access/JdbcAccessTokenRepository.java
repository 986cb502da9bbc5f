package io.nopesight.core.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code access_token} table: every statement that reads or writes it.
 */
@Repository
class JdbcAccessTokenRepository {

	private static final String INSERT = """
			INSERT INTO access_token (id, kind, name, description, owner, token_hash, scopes, expires_at, created_by,
			                          service_account_id)
			VALUES (:id, :kind, :name, :description, :owner, :hash, :scopes, :expiresAt, :createdBy, :serviceAccountId)
			""";

	// one unique-index probe, on a cache miss; expiry is judged by the application's clock, not the server's
	private static final String FIND_ACTIVE = """
			SELECT id, kind, owner, scopes, expires_at FROM access_token
			WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
			""";

	private static final String FIND_ACTIVE_BY_ID = """
			SELECT id, kind, owner, scopes, expires_at FROM access_token
			WHERE id = :id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
			""";

	private static final String ANY_ACTIVE = """
			SELECT count(*) > 0 FROM access_token
			WHERE kind = :kind AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
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

	private static final String REVOKE_FOR_SERVICE_ACCOUNT = """
			UPDATE access_token SET revoked_at = now() WHERE service_account_id = :id AND revoked_at IS NULL
			""";

	private static final RowMapper<StoredToken> STORED_TOKEN = (rs, n) -> new StoredToken(
			new Principal(rs.getString("owner"), rs.getString("id"), TokenKind.of(rs.getString("kind")),
					Set.of(scopes(rs))),
			instant(rs.getTimestamp("expires_at")));

	private static final RowMapper<TokenInfo> TOKEN_INFO = (rs, n) -> new TokenInfo(rs.getString("id"),
			TokenKind.of(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
			rs.getString("owner"), List.of(scopes(rs)), rs.getTimestamp("created_at").toInstant(),
			rs.getString("created_by"), instant(rs.getTimestamp("expires_at")),
			instant(rs.getTimestamp("revoked_at")), rs.getString("service_account_id"));

	private final JdbcClient jdbc;

	JdbcAccessTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, NewToken token, String hash, List<String> scopes) {
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("kind", token.kind().value())
			.param("name", token.name())
			.param("description", token.description())
			.param("owner", token.owner())
			.param("hash", hash)
			.param("scopes", scopes.toArray(String[]::new))
			.param("expiresAt", (token.expiresAt() != null) ? Timestamp.from(token.expiresAt()) : null)
			.param("createdBy", token.createdBy())
			.param("serviceAccountId", token.serviceAccountId())
			.update();
	}

	Optional<StoredToken> findActiveByHash(String hash, Instant now) {
		return this.jdbc.sql(FIND_ACTIVE)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query(STORED_TOKEN)
			.optional();
	}

	Optional<StoredToken> findActiveById(String id, Instant now) {
		return this.jdbc.sql(FIND_ACTIVE_BY_ID)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(STORED_TOKEN)
			.optional();
	}

	boolean anyActive(TokenKind kind, Instant now) {
		return this.jdbc.sql(ANY_ACTIVE)
			.param("kind", kind.value())
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	long count(TokenKind kind, @Nullable String serviceAccountId) {
		return this.jdbc.sql(COUNT)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.query(Long.class)
			.single();
	}

	List<TokenInfo> list(TokenKind kind, @Nullable String serviceAccountId, int page, int limit) {
		return this.jdbc.sql(LIST)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.param("limit", limit)
			.param("offset", (long) (page - 1) * limit)
			.query(TOKEN_INFO)
			.list();
	}

	Optional<TokenInfo> revoke(TokenKind kind, @Nullable String serviceAccountId, String id) {
		return this.jdbc.sql(REVOKE)
			.param("id", id)
			.param("kind", kind.value())
			.param("serviceAccountId", serviceAccountId)
			.query(TOKEN_INFO)
			.optional();
	}

	void revokeForServiceAccount(String serviceAccountId) {
		this.jdbc.sql(REVOKE_FOR_SERVICE_ACCOUNT).param("id", serviceAccountId).update();
	}

	private static String[] scopes(ResultSet rs) throws SQLException {
		String[] scopes = (String[]) rs.getArray("scopes").getArray();
		Arrays.sort(scopes);
		return scopes;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An active token as authentication needs it.
	 */
	record StoredToken(Principal principal, @Nullable Instant expiresAt) {
	}

}
