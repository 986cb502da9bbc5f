package io.nopesight.core.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.core.Page;


@Repository
class JdbcAuditLogRepository {

	private static final String INSERT = """
			INSERT INTO audit_log (occurred_at, actor, token_id, token_kind, method, path, route, status, request_id,
			                       target_id)
			VALUES (:occurredAt, :actor, :tokenId, :tokenKind, :method, :path, :route, :status, :requestId, :targetId)
			RETURNING id
			""";

	private static final String COMPLETE = """
			UPDATE audit_log SET status = :status, target_id = coalesce(:targetId, target_id) WHERE id = :id
			""";

	private static final String WHERE = """
			WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
			  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
			  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
			""";

	private static final String FIND = """
			SELECT id, occurred_at, actor, token_id, token_kind, method, path, route, status, request_id, target_id
			FROM audit_log
			""" + WHERE + """
			ORDER BY occurred_at DESC, id DESC
			LIMIT :limit OFFSET :offset
			""";

	private static final String COUNT = "SELECT count(*) FROM audit_log " + WHERE;

	private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("token_id"),
			rs.getString("token_kind"), rs.getString("method"), rs.getString("path"), rs.getString("route"),
			rs.getObject("status", Integer.class), rs.getString("request_id"), rs.getString("target_id"));

	private final JdbcClient jdbc;

	JdbcAuditLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(AuditEntry entry) {
		return this.jdbc.sql(INSERT)
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actor", entry.actor())
			.param("tokenId", entry.tokenId())
			.param("tokenKind", entry.tokenKind())
			.param("method", entry.method())
			.param("path", entry.path())
			.param("route", entry.route())
			.param("status", entry.status())
			.param("requestId", entry.requestId())
			.param("targetId", entry.targetId())
			.query(Long.class)
			.single();
	}

	void complete(long id, int status, @Nullable String targetId) {
		this.jdbc.sql(COMPLETE).param("id", id).param("status", status).param("targetId", targetId).update();
	}

	long count(AuditQuery query) {
		return filtered(COUNT, query).query(Long.class).single();
	}

	List<AuditEntry> find(AuditQuery query, int page, int limit) {
		return filtered(FIND, query).param("limit", limit)
			.param("offset", (long) (page - 1) * limit)
			.query(ENTRY)
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, AuditQuery query) {
		return this.jdbc.sql(sql)
			.param("actor", query.actor())
			.param("from", timestamp(query.from()))
			.param("to", timestamp(query.to()));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
