package io.nopesight.core.access;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcServiceAccountRepository {

	private static final String INSERT = """
			INSERT INTO service_account (id, name, description, scopes, created_at, created_by)
			VALUES (:id, :name, :description, :scopes, :createdAt, :createdBy)
			""";

	private static final String FIND_LIVE = """
			SELECT id, name, description, scopes, created_at, created_by FROM service_account
			WHERE id = :id AND deleted_at IS NULL
			""";

	private static final String LIST_LIVE = """
			SELECT id, name, description, scopes, created_at, created_by FROM service_account
			WHERE deleted_at IS NULL
			ORDER BY created_at DESC, id DESC
			LIMIT :limit OFFSET :offset
			""";

	private static final String COUNT_LIVE = "SELECT count(*) FROM service_account WHERE deleted_at IS NULL";

	private static final String MARK_DELETED = """
			UPDATE service_account SET deleted_at = now() WHERE id = :id AND deleted_at IS NULL
			""";

	private static final RowMapper<ServiceAccount> ACCOUNT = (rs, n) -> {
		String[] scopes = (String[]) rs.getArray("scopes").getArray();
		Arrays.sort(scopes);
		return new ServiceAccount(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				List.of(scopes), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	};

	private final JdbcClient jdbc;

	JdbcServiceAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ServiceAccount account) {
		this.jdbc.sql(INSERT)
			.param("id", account.id())
			.param("name", account.name())
			.param("description", account.description())
			.param("scopes", account.scopes().toArray(String[]::new))
			.param("createdAt", Timestamp.from(account.createdAt()))
			.param("createdBy", account.createdBy())
			.update();
	}

	Optional<ServiceAccount> findLive(String id) {
		return this.jdbc.sql(FIND_LIVE).param("id", id).query(ACCOUNT).optional();
	}

	List<ServiceAccount> findLive(int page, int limit) {
		return this.jdbc.sql(LIST_LIVE)
			.param("limit", limit)
			.param("offset", (long) (page - 1) * limit)
			.query(ACCOUNT)
			.list();
	}

	long countLive() {
		return this.jdbc.sql(COUNT_LIVE).query(Long.class).single();
	}

	boolean markDeleted(String id) {
		return this.jdbc.sql(MARK_DELETED).param("id", id).update() == 1;
	}

}
