package io.nopesight.core.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.Page;


@Repository
class JdbcAuditLog implements AuditLog {

	private static final String INSERT = """
			INSERT INTO audit_log (occurred_at, actor, token_id, token_kind, method, path, route, status, request_id,
			                       target_id)
			VALUES (:occurredAt, :actor, :tokenId, :tokenKind, :method, :path, :route, :status, :requestId, :targetId)
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
			rs.getInt("status"), rs.getString("request_id"), rs.getString("target_id"));

	private final JdbcClient jdbc;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(AuditEntry entry) {
		this.jdbc.sql(INSERT)
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
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query, int page, int limit) {
		long total = filtered(COUNT, query).query(Long.class).single();
		List<AuditEntry> items = filtered(FIND, query).param("limit", limit)
			.param("offset", (long) (page - 1) * limit)
			.query(ENTRY)
			.list();
		return new Page<>(items, total, page, limit);
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
