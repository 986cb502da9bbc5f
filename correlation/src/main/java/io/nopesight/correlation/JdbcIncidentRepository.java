package io.nopesight.correlation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIncidentRepository {

	private static final String COLUMNS = """
			id, title, status, severity, started_at, last_event_at, event_count,
			ARRAY(SELECT c.ci_id FROM incident_ci c WHERE c.incident_id = incident.id ORDER BY c.first_at, c.ci_id)
			    AS affected_cis,
			root_cause::text AS root_cause, merged_into, manually_grouped, created_at, updated_at, acknowledged_at,
			acknowledged_by, resolved_at, resolved_by""";

	private static final String INSERT_ALL = """
			INSERT INTO incident (id, title, status, severity, started_at, last_event_at, event_count, root_ci_id,
			                      root_confidence, root_cause, created_at, updated_at)
			SELECT r.id, r.title, r.status, r.severity, r.started_at, r.last_event_at, r.event_count, r.root_ci_id,
			       r.root_confidence, r.root_cause, :now, :now
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, title text, status text, severity text,
			     started_at timestamptz, last_event_at timestamptz, event_count int, root_ci_id text,
			     root_confidence double precision, root_cause jsonb)
			""";

	// derived fields only, and only of incidents not merged meanwhile: a person's status change wins
	private static final String UPDATE_ALL = """
			UPDATE incident i
			SET title = r.title, severity = r.severity, started_at = r.started_at, last_event_at = r.last_event_at,
			    event_count = r.event_count, root_ci_id = r.root_ci_id, root_confidence = r.root_confidence, root_cause = r.root_cause,
			    status = CASE WHEN i.resolved_at IS NOT NULL OR i.status = 'merged' THEN i.status
			                  WHEN i.status = 'acknowledged' AND r.status <> 'resolved' THEN i.status
			                  ELSE r.status END,
			    updated_at = :now, revision = i.revision + 1
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, title text, status text, severity text,
			     started_at timestamptz, last_event_at timestamptz, event_count int, root_ci_id text,
			     root_confidence double precision, root_cause jsonb)
			WHERE i.id = r.id
			""";

	// the CIs incidents gained, or alerted in earlier than known
	private static final String ADD_CIS = """
			INSERT INTO incident_ci (incident_id, ci_id, first_at)
			SELECT r.incident_id, r.ci_id, r.first_at
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(incident_id text, ci_id text, first_at timestamptz)
			ON CONFLICT (incident_id, ci_id) DO UPDATE SET first_at = excluded.first_at
			WHERE excluded.first_at < incident_ci.first_at
			""";

	private static final String CLEAR_CIS = "DELETE FROM incident_ci WHERE incident_id = ANY(:ids)";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM incident WHERE id = :id";

	private static final String STATES = """
			SELECT id, status, resolved_at, manually_grouped, merged_into FROM incident WHERE id = ANY(:ids)
			""";

	private static final String LOCK = "SELECT id FROM incident WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";

	private static final String MERGED = """
			UPDATE incident SET status = 'merged', merged_into = :into, updated_at = :now, revision = revision + 1
			WHERE id = :id
			""";

	private static final String SET_STATUS = """
			UPDATE incident SET status = :status, updated_at = :now, revision = revision + 1,
			       acknowledged_at = CASE WHEN :status = 'acknowledged' THEN :now ELSE acknowledged_at END,
			       acknowledged_by = CASE WHEN :status = 'acknowledged' THEN :actor ELSE acknowledged_by END,
			       resolved_at = CASE WHEN :status = 'resolved' THEN :now ELSE resolved_at END,
			       resolved_by = CASE WHEN :status = 'resolved' THEN :actor ELSE resolved_by END
			WHERE id = :id
			""";

	private static final String MANUALLY_GROUPED = """
			UPDATE incident SET manually_grouped = true, updated_at = :now WHERE id = ANY(:ids)
			""";

	private static final String INSERT_ACTIVITY = """
			INSERT INTO incident_activity (incident_id, kind, actor, at, detail)
			VALUES (:incident, :kind, :actor, :at, CAST(:detail AS jsonb))
			""";

	private static final String ACTIVITIES = """
			SELECT kind, actor, at, detail::text AS detail FROM incident_activity WHERE incident_id = :id ORDER BY id
			""";

	private static final String GROUPING_VERSION = "SELECT grouping_version FROM correlation_state WHERE id = 1";

	private static final String BUMP_GROUPING_VERSION = """
			UPDATE correlation_state SET grouping_version = grouping_version + 1 WHERE id = 1
			""";

	// taken by the correlator to apply a batch and by every change people make, so the two never interleave
	private static final String GROUPING_LOCK = "SELECT pg_advisory_xact_lock(5501027421)";

	private static final String LIST_SELECT = "SELECT " + COLUMNS + " FROM incident";

	private static final String COUNT_SELECT = "SELECT count(*) FROM incident";

	private static final TypeReference<List<RootCauseCandidate>> CANDIDATES = new TypeReference<>() {
	};

	private static final RowMapper<Incident> INCIDENT = JdbcIncidentRepository::map;

	private final JdbcClient jdbc;

	JdbcIncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes new incidents, and their CIs.
	 */
	void insertAll(Collection<IncidentRow> rows, Instant now) {
		if (!rows.isEmpty()) {
			this.jdbc.sql(INSERT_ALL).param("rows", rowsJson(rows)).param("now", Timestamp.from(now)).update();
			addCis(rows);
		}
	}

	/**
	 * Writes incidents' derived fields anew, and adds the CIs they gained.
	 */
	void updateAll(Collection<IncidentRow> rows, Instant now) {
		if (!rows.isEmpty()) {
			this.jdbc.sql(UPDATE_ALL).param("rows", rowsJson(rows)).param("now", Timestamp.from(now)).update();
			addCis(rows);
		}
	}

	/**
	 * Forgets the CIs of these incidents, before they are written with all of theirs.
	 */
	void clearCis(Collection<String> ids) {
		this.jdbc.sql(CLEAR_CIS).param("ids", ids.toArray(String[]::new)).update();
	}

	private void addCis(Collection<IncidentRow> rows) {
		List<Map<String, Object>> json = new ArrayList<>();
		for (IncidentRow row : rows) {
			row.cis().forEach((ci, at) -> json.add(Map.of("incident_id", row.id(), "ci_id", ci, "first_at", at.toString())));
		}
		if (!json.isEmpty()) {
			this.jdbc.sql(ADD_CIS).param("rows", EventJson.JSON.writeValueAsString(json)).update();
		}
	}

	Optional<Incident> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(INCIDENT).optional();
	}

	List<RootCauseCandidate> candidates(String id) {
		return this.jdbc.sql("SELECT root_cause::text FROM incident WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(JdbcIncidentRepository::readCandidates)
			.orElse(List.of());
	}

	Map<String, IncidentState> states(Collection<String> ids) {
		Map<String, IncidentState> states = new LinkedHashMap<>();
		this.jdbc.sql(STATES).param("ids", ids.toArray(String[]::new)).query((rs, n) -> {
			Timestamp resolved = rs.getTimestamp("resolved_at");
			return new IncidentState(rs.getString("id"), IncidentStatus.fromValue(rs.getString("status")).orElseThrow(),
					(resolved != null) ? resolved.toInstant() : null, rs.getBoolean("manually_grouped"),
					rs.getString("merged_into"));
		}).list().forEach((state) -> states.put(state.id(), state));
		return states;
	}

	void lock(Collection<String> ids) {
		this.jdbc.sql(LOCK).param("ids", ids.toArray(String[]::new)).query(String.class).list();
	}

	void markMerged(String id, String into, Instant now) {
		this.jdbc.sql(MERGED).param("id", id).param("into", into).param("now", Timestamp.from(now)).update();
	}

	void setStatus(String id, IncidentStatus status, String actor, Instant now) {
		this.jdbc.sql(SET_STATUS)
			.param("id", id)
			.param("status", status.value())
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
	}

	void markManuallyGrouped(Collection<String> ids, Instant now) {
		this.jdbc.sql(MANUALLY_GROUPED).param("ids", ids.toArray(String[]::new)).param("now", Timestamp.from(now)).update();
	}

	void recordActivity(String incidentId, String kind, @Nullable String actor, Instant at, Map<String, Object> detail) {
		this.jdbc.sql(INSERT_ACTIVITY)
			.param("incident", incidentId)
			.param("kind", kind)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.param("detail", EventJson.write(detail))
			.update();
	}

	List<Activity> activities(String id) {
		return this.jdbc.sql(ACTIVITIES)
			.param("id", id)
			.query((rs, n) -> new Activity(rs.getString("kind"), rs.getString("actor"),
					rs.getTimestamp("at").toInstant(), EventJson.read(rs.getString("detail"))))
			.list();
	}

	long groupingVersion() {
		return this.jdbc.sql(GROUPING_VERSION).query(Long.class).single();
	}

	void bumpGroupingVersion() {
		this.jdbc.sql(BUMP_GROUPING_VERSION).update();
	}

	void takeGroupingLock() {
		this.jdbc.sql(GROUPING_LOCK).query((rs, n) -> 1).list();
	}

	List<Incident> list(IncidentQuery query) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params);
		params.addValue("limit", query.limit()).addValue("offset", query.offset());
		return this.jdbc.sql(LIST_SELECT + where + " ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.paramSource(params)
			.query(INCIDENT)
			.list();
	}

	long count(IncidentQuery query) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.sql(COUNT_SELECT + where(query, params)).paramSource(params).query(Long.class).single();
	}

	private static String where(IncidentQuery query, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE true");
		if (query.status() != null) {
			where.append(" AND status = :status");
			params.addValue("status", query.status().value());
		}
		else {
			where.append(" AND status <> 'merged'");
		}
		if (query.severity() != null) {
			where.append(" AND severity = :severity");
			params.addValue("severity", query.severity().value());
		}
		if (query.from() != null) {
			where.append(" AND started_at >= :from");
			params.addValue("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND started_at < :to");
			params.addValue("to", Timestamp.from(query.to()));
		}
		if (query.ciId() != null) {
			where.append(" AND id IN (SELECT c.incident_id FROM incident_ci c WHERE c.ci_id = :ci)");
			params.addValue("ci", query.ciId());
		}
		if (query.minEvents() > 1) {
			where.append(" AND event_count >= :minEvents");
			params.addValue("minEvents", query.minEvents());
		}
		return where.toString();
	}

	private static String rowsJson(Collection<IncidentRow> rows) {
		List<Map<String, Object>> json = new ArrayList<>(rows.size());
		for (IncidentRow row : rows) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("id", row.id());
			one.put("title", row.title());
			one.put("status", row.status().value());
			one.put("severity", row.severity().value());
			one.put("started_at", row.startedAt().toString());
			one.put("last_event_at", row.lastEventAt().toString());
			one.put("event_count", row.eventCount());
			one.put("root_ci_id", row.rootCiId());
			one.put("root_confidence", row.rootConfidence());
			one.put("root_cause", row.rootCause());
			json.add(one);
		}
		return EventJson.JSON.writeValueAsString(json);
	}

	private static Incident map(ResultSet rs, int row) throws SQLException {
		List<RootCauseCandidate> candidates = readCandidates(rs.getString("root_cause"));
		return new Incident(rs.getString("id"), rs.getString("title"),
				IncidentStatus.fromValue(rs.getString("status")).orElseThrow(),
				Severity.fromValue(rs.getString("severity")).orElseThrow(), instant(rs, "started_at"),
				instant(rs, "last_event_at"), rs.getInt("event_count"),
				JdbcEventRepository.strings(rs.getArray("affected_cis")), candidates.isEmpty() ? null : candidates.get(0),
				rs.getString("merged_into"), rs.getBoolean("manually_grouped"), instant(rs, "created_at"),
				instant(rs, "updated_at"), nullableInstant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
				nullableInstant(rs, "resolved_at"), rs.getString("resolved_by"));
	}

	static List<RootCauseCandidate> readCandidates(@Nullable String json) {
		return (json == null || json.isBlank()) ? List.of() : EventJson.JSON.readValue(json, CANDIDATES);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * The derived fields of an incident as the correlator writes them, and CIs to add to it with when each first
	 * alerted in it.
	 */
	record IncidentRow(String id, String title, IncidentStatus status, Severity severity, Instant startedAt,
			Instant lastEventAt, int eventCount, Map<String, Instant> cis, @Nullable String rootCiId,
			@Nullable Double rootConfidence, List<RootCauseCandidate> rootCause) {
	}

	/**
	 * What decides whether an incident may take events.
	 */
	record IncidentState(String id, IncidentStatus status, @Nullable Instant resolvedAt, boolean manuallyGrouped,
			@Nullable String mergedInto) {

		boolean takesEvents() {
			return this.resolvedAt == null && this.status != IncidentStatus.MERGED;
		}

	}

	/**
	 * Something people did to an incident.
	 */
	record Activity(String kind, @Nullable String actor, Instant at, Map<String, @Nullable Object> detail) {
	}

}
