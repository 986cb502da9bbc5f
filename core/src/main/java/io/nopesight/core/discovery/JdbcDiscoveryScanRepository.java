package io.nopesight.core.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDiscoveryScanRepository {

	private static final String COLUMNS = """
			id, scan_type, scanner_id, format, scanned_at, status, submitted_by, received_at, started_at, finished_at,
			hosts_seen, cis_created, cis_updated, cis_unchanged, conflicts, error""";

	private static final String INSERT = """
			INSERT INTO discovery_scan (id, scan_type, scanner_id, format, payload, scanned_at, status, submitted_by,
			                            received_at)
			VALUES (:id, :scanType, :scannerId, :format, :payload, :scannedAt, 'queued', :submittedBy, :receivedAt)
			""";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM discovery_scan WHERE id = :id";

	private static final String PAYLOAD = "SELECT format, scanner_id, payload FROM discovery_scan WHERE id = :id";

	private static final String STARTED = """
			UPDATE discovery_scan SET status = 'running', started_at = coalesce(started_at, now()), error = NULL
			WHERE id = :id
			""";

	private static final String FINISHED = """
			UPDATE discovery_scan SET status = :status, finished_at = now(), error = :error WHERE id = :id
			""";

	private static final String ADD_COUNTS = """
			UPDATE discovery_scan SET hosts_seen = hosts_seen + :seen, cis_created = cis_created + :created,
			       cis_updated = cis_updated + :updated, cis_unchanged = cis_unchanged + :unchanged,
			       conflicts = conflicts + :conflicts
			WHERE id = :id
			""";

	private static final String INSERT_CONFLICT = """
			INSERT INTO discovery_conflict (scan_id, host_index, rule, host, ci_ids)
			VALUES (:scanId, :hostIndex, :rule, CAST(:host AS jsonb), :ciIds)
			ON CONFLICT (scan_id, host_index) DO NOTHING
			""";

	private static final String CONFLICTS = """
			SELECT host_index, rule, host::text AS host, ci_ids FROM discovery_conflict WHERE scan_id = :id
			ORDER BY host_index
			""";

	// only a failed scan goes back in the queue: a queued, running or completed one has nothing to rerun
	private static final String REQUEUE_FAILED = """
			UPDATE discovery_scan SET status = 'queued', finished_at = NULL, error = NULL
			WHERE id = :id AND status = 'failed'
			""";

	private static final String FILTERS = """
			 WHERE (CAST(:scannerId AS text) IS NULL OR scanner_id = :scannerId)
			   AND (CAST(:status AS text) IS NULL OR status = :status)
			   AND (CAST(:from AS timestamptz) IS NULL OR received_at >= :from)
			   AND (CAST(:to AS timestamptz) IS NULL OR received_at <= :to)
			""";

	private static final String LIST = "SELECT " + COLUMNS + " FROM discovery_scan" + FILTERS
			+ " ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset";

	private static final String COUNT = "SELECT count(*) FROM discovery_scan" + FILTERS;

	private static final RowMapper<DiscoveryScan> SCAN = JdbcDiscoveryScanRepository::map;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	JdbcDiscoveryScanRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insert(String id, ScanPayload scan, byte[] payload, String submittedBy, Instant receivedAt) {
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("scanType", scan.type().value())
			.param("scannerId", scan.scannerId())
			.param("format", scan.format().value())
			.param("payload", payload)
			.param("scannedAt", Timestamp.from(scan.scannedAt()))
			.param("submittedBy", submittedBy)
			.param("receivedAt", Timestamp.from(receivedAt))
			.update();
	}

	Optional<DiscoveryScan> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(SCAN).optional();
	}

	Optional<StoredPayload> payload(String id) {
		return this.jdbc.sql(PAYLOAD)
			.param("id", id)
			.query((rs, n) -> new StoredPayload(ScanFormat.valueOf(rs.getString("format").toUpperCase()),
					rs.getString("scanner_id"), rs.getBytes("payload")))
			.optional();
	}

	void started(String id) {
		this.jdbc.sql(STARTED).param("id", id).update();
	}

	void finished(String id, ScanStatus status, @Nullable String error) {
		this.jdbc.sql(FINISHED).param("id", id).param("status", status.value()).param("error", error).update();
	}

	void addCounts(String id, int seen, int created, int updated, int unchanged, int conflicts) {
		this.jdbc.sql(ADD_COUNTS)
			.param("id", id)
			.param("seen", seen)
			.param("created", created)
			.param("updated", updated)
			.param("unchanged", unchanged)
			.param("conflicts", conflicts)
			.update();
	}

	void insertConflicts(String scanId, List<ScanConflict> conflicts) {
		if (conflicts.isEmpty()) {
			return;
		}
		this.batch.batchUpdate(INSERT_CONFLICT, conflicts.stream()
			.map((c) -> new MapSqlParameterSource().addValue("scanId", scanId)
				.addValue("hostIndex", c.hostIndex())
				.addValue("rule", c.rule())
				.addValue("host", JSON.writeValueAsString(c.host()))
				.addValue("ciIds", c.ciIds().toArray(String[]::new)))
			.toArray(SqlParameterSource[]::new));
	}

	List<ScanConflict> conflicts(String scanId) {
		return this.jdbc.sql(CONFLICTS)
			.param("id", scanId)
			.query((rs, n) -> new ScanConflict(rs.getInt("host_index"), rs.getString("rule"),
					JSON.readValue(rs.getString("host"), DiscoveredHost.class),
					List.of((String[]) rs.getArray("ci_ids").getArray())))
			.list();
	}

	boolean requeueFailed(String id) {
		return this.jdbc.sql(REQUEUE_FAILED).param("id", id).update() == 1;
	}

	List<DiscoveryScan> list(ScanQuery query) {
		return bind(this.jdbc.sql(LIST), query).param("limit", query.limit())
			.param("offset", query.offset())
			.query(SCAN)
			.list();
	}

	long count(ScanQuery query) {
		return bind(this.jdbc.sql(COUNT), query).query(Long.class).single();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ScanQuery query) {
		return statement.param("scannerId", query.scannerId())
			.param("status", (query.status() != null) ? query.status().value() : null)
			.param("from", (query.from() != null) ? Timestamp.from(query.from()) : null)
			.param("to", (query.to() != null) ? Timestamp.from(query.to()) : null);
	}

	private static DiscoveryScan map(ResultSet rs, int row) throws SQLException {
		return new DiscoveryScan(rs.getString("id"), ScanType.valueOf(rs.getString("scan_type").toUpperCase()),
				rs.getString("scanner_id"), ScanFormat.valueOf(rs.getString("format").toUpperCase()),
				rs.getTimestamp("scanned_at").toInstant(), ScanStatus.fromValue(rs.getString("status")).orElseThrow(),
				rs.getString("submitted_by"), rs.getTimestamp("received_at").toInstant(),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getInt("hosts_seen"),
				rs.getInt("cis_created"), rs.getInt("cis_updated"), rs.getInt("cis_unchanged"), rs.getInt("conflicts"),
				rs.getString("error"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record StoredPayload(ScanFormat format, String scannerId, byte[] body) {
	}

}
