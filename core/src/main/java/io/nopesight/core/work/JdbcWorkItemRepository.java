package io.nopesight.core.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work items' SQL. Leases are reckoned by the database's clock, so nodes whose clocks disagree still
 * agree on when a lease has run out.
 */
@Repository
class JdbcWorkItemRepository {

	private static final String COLUMNS = """
			id, kind, subject_id, status, attempts, claimed_by, created_at, finished_at, error""";

	private static final String INSERT = """
			INSERT INTO work_item (id, kind, subject_id, status) VALUES (:id, :kind, :subjectId, 'queued')
			ON CONFLICT (kind, subject_id) DO NOTHING
			""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM work_item WHERE kind = :kind AND subject_id = :subjectId";

	private static final String RESUBMIT = """
			UPDATE work_item SET status = 'queued', available_at = now(), finished_at = NULL, error = NULL
			WHERE kind = :kind AND subject_id = :subjectId AND status IN ('done', 'failed')
			""";

	// queued items in submission order, then items whose node stopped renewing their lease
	private static final String CLAIM = """
			WITH claimable AS (
			    SELECT id, lease_owner AS previous_owner FROM work_item
			    WHERE kind = :kind
			      AND ((status = 'queued' AND available_at <= now()) OR (status = 'running' AND lease_expires_at < now()))
			    ORDER BY created_at, id
			    LIMIT :limit
			    FOR UPDATE SKIP LOCKED)
			UPDATE work_item w SET status = 'running', lease_owner = :node, claimed_by = :node, lease_expires_at = now() + :leaseMillis * interval '1 millisecond',
			       attempts = attempts + 1, started_at = coalesce(started_at, now())
			FROM claimable WHERE w.id = claimable.id
			RETURNING w.id, w.kind, w.subject_id, w.status, w.attempts, w.claimed_by, w.created_at, w.finished_at, w.error,
			          claimable.previous_owner
			""";

	private static final String RENEW = """
			UPDATE work_item SET lease_expires_at = now() + :leaseMillis * interval '1 millisecond'
			WHERE id = ANY(:ids) AND lease_owner = :node AND status = 'running'
			RETURNING id
			""";

	private static final String FINISH = """
			UPDATE work_item SET status = :status, error = :error, finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
			WHERE id = :id AND lease_owner = :node AND status = 'running'
			""";

	private static final String RELEASE = """
			UPDATE work_item SET status = 'queued', available_at = now(), lease_owner = NULL, lease_expires_at = NULL
			WHERE id = ANY(:ids) AND lease_owner = :node AND status = 'running'
			""";

	private static final String RELEASE_ALL = """
			UPDATE work_item SET status = 'queued', available_at = now(), lease_owner = NULL, lease_expires_at = NULL
			WHERE lease_owner = :node AND status = 'running'
			""";

	private static final RowMapper<WorkItem> ITEM = JdbcWorkItemRepository::map;

	private final JdbcClient jdbc;

	JdbcWorkItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insert(String id, String kind, String subjectId) {
		return this.jdbc.sql(INSERT).param("id", id).param("kind", kind).param("subjectId", subjectId).update() == 1;
	}

	Optional<WorkItem> find(String kind, String subjectId) {
		return this.jdbc.sql(FIND).param("kind", kind).param("subjectId", subjectId).query(ITEM).optional();
	}

	boolean resubmit(String kind, String subjectId) {
		return this.jdbc.sql(RESUBMIT).param("kind", kind).param("subjectId", subjectId).update() == 1;
	}

	List<Claimed> claim(String kind, int limit, String node, Duration lease) {
		return this.jdbc.sql(CLAIM)
			.param("kind", kind)
			.param("limit", limit)
			.param("node", node)
			.param("leaseMillis", lease.toMillis())
			.query((rs, n) -> new Claimed(map(rs, n), rs.getString("previous_owner")))
			.list();
	}

	/**
	 * Renews the leases this node still holds and answers their ids; an item missing from the answer was
	 * taken over by another node after this one failed to renew in time.
	 */
	List<String> renew(Collection<String> ids, String node, Duration lease) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(RENEW)
			.param("ids", ids.toArray(String[]::new))
			.param("node", node)
			.param("leaseMillis", lease.toMillis())
			.query(String.class)
			.list();
	}

	boolean finish(String id, String node, WorkStatus status, @Nullable String error) {
		return this.jdbc.sql(FINISH)
			.param("id", id)
			.param("node", node)
			.param("status", status.value())
			.param("error", error)
			.update() == 1;
	}

	int release(Collection<String> ids, String node) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql(RELEASE).param("ids", ids.toArray(String[]::new)).param("node", node).update();
	}

	int releaseAll(String node) {
		return this.jdbc.sql(RELEASE_ALL).param("node", node).update();
	}

	/**
	 * An item this node has just claimed; {@code previousOwner} is the node whose lapsed lease it took over.
	 */
	record Claimed(WorkItem item, @Nullable String previousOwner) {
	}

	private static WorkItem map(ResultSet rs, int row) throws SQLException {
		return new WorkItem(rs.getString("id"), rs.getString("kind"), rs.getString("subject_id"),
				WorkStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getInt("attempts"),
				rs.getString("claimed_by"), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("finished_at")), rs.getString("error"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
