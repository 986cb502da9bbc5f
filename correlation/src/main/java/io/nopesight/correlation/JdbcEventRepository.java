package io.nopesight.correlation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEventRepository {

	static final String COLUMNS = """
			id, title, description, severity, status, source, source_id, fingerprint, affected_cis,
			metrics::text AS metrics, labels::text AS labels, annotations::text AS annotations, count, created_at,
			last_seen, updated_at, received_at, resolved_at, created_by, incident_id""";

	private static final String INSERT = """
			INSERT INTO event (id, title, description, severity, status, source, source_id, fingerprint, dedupe_key,
			                   affected_cis, metrics, labels, annotations, count, created_at, last_seen, updated_at,
			                   received_at, resolved_at, created_by)
			VALUES (:id, :title, :description, :severity, :status, :source, :sourceId, :fingerprint, :dedupeKey,
			        :affectedCis, CAST(:metrics AS jsonb), CAST(:labels AS jsonb), CAST(:annotations AS jsonb), 1,
			        :createdAt, :createdAt, :now, :now, :resolvedAt, :actor)
			ON CONFLICT DO NOTHING
			RETURNING id
			""";

	// the event a duplicate counts on, locked so that a concurrent resolve waits or is waited for
	private static final String ACTIVE_DUPLICATE = """
			SELECT id, CASE WHEN source = :source AND source_id = :sourceId THEN 'source_id' ELSE 'fingerprint' END
			       AS matched_on
			FROM event
			WHERE status <> 'resolved'
			  AND ((source = :source AND source_id = :sourceId) OR (dedupe_key = :dedupeKey))
			ORDER BY created_at
			LIMIT 1
			FOR UPDATE
			""";

	private static final String COUNT_DUPLICATE = """
			UPDATE event SET count = count + 1, last_seen = greatest(last_seen, :seen), updated_at = :now,
			       metrics = CASE WHEN :seen >= last_seen THEN CAST(:metrics AS jsonb) ELSE metrics END
			WHERE id = :id AND status <> 'resolved'
			""";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM event_with_incident WHERE id = :id";

	private static final String FIND_BY_SOURCE = "SELECT " + COLUMNS
			+ " FROM event_with_incident WHERE source = :source AND source_id = :sourceId ORDER BY created_at DESC, id LIMIT 1";

	private static final String FIND_BY_IDS = "SELECT " + COLUMNS + " FROM event_with_incident WHERE id = ANY(:ids)";

	private static final String FIND_BY_INCIDENT = "SELECT " + COLUMNS
			+ " FROM event_with_incident WHERE incident_id = :incident ORDER BY created_at, id";

	private static final String FIND_FOR_UPDATE = "SELECT status FROM event WHERE id = :id FOR UPDATE";

	private static final String CHANGE_STATUS = """
			UPDATE event SET status = :to, updated_at = :now,
			       resolved_at = CASE WHEN :to = 'resolved' THEN :now ELSE resolved_at END
			WHERE id = :id
			""";

	private static final String UNRESOLVED_OF_INCIDENT = """
			SELECT e.id, e.status FROM event e JOIN event_incident ei ON ei.event_id = e.id
			WHERE ei.incident_id = :incident AND e.status <> 'resolved' ORDER BY e.id FOR UPDATE OF e
			""";

	private static final String INSERT_HISTORY = """
			INSERT INTO event_status_change (event_id, from_status, to_status, comment, actor, changed_at)
			VALUES (:eventId, :from, :to, :comment, :actor, :at)
			""";

	// the first step, intake, is the event's own: its status then is where the first change started from
	private static final String HISTORY = """
			SELECT NULL AS from_status,
			       coalesce((SELECT c.from_status FROM event_status_change c WHERE c.event_id = e.id ORDER BY c.id
			                 LIMIT 1), e.status) AS to_status,
			       NULL AS comment, e.created_by AS actor, e.received_at AS changed_at, 0 AS id
			FROM event e WHERE e.id = :id
			UNION ALL
			SELECT from_status, to_status, comment, actor, changed_at, id FROM event_status_change WHERE event_id = :id
			ORDER BY id
			""";

	private static final String ENQUEUE = "INSERT INTO correlation_queue (event_id) VALUES (:id)";

	private static final String UNCORRELATED = """
			SELECT q.seq, e.id, e.created_at, e.received_at, e.affected_cis, e.title, e.severity, e.status,
			       NULL AS incident_id, false AS pinned
			FROM correlation_queue q JOIN event e ON e.id = q.event_id
			ORDER BY q.seq LIMIT :limit
			""";

	private static final String DEQUEUE = "DELETE FROM correlation_queue WHERE seq = ANY(:seqs)";

	private static final String VACUUM_QUEUE = "VACUUM correlation_queue";

	private static final String PLACED_BETWEEN = """
			SELECT 0 AS seq, e.id, e.created_at, e.received_at, e.affected_cis, e.title, e.severity, e.status,
			       ei.incident_id, ei.pinned
			FROM event e JOIN event_incident ei ON ei.event_id = e.id
			WHERE e.created_at >= :from AND e.created_at < :to
			""";

	private static final String MEMBERS_OF = """
			SELECT 0 AS seq, e.id, e.created_at, e.received_at, e.affected_cis, e.title, e.severity, e.status,
			       ei.incident_id, ei.pinned
			FROM event_incident ei JOIN event e ON e.id = ei.event_id
			WHERE ei.incident_id = ANY(:incidents)
			""";

	// an event a person placed meanwhile stays where they put it
	private static final String PLACE = """
			INSERT INTO event_incident (event_id, incident_id, placed_at)
			SELECT r.id, r.incident_id, :now
			FROM unnest(CAST(:ids AS text[]), CAST(:incidents AS text[])) AS r(id, incident_id)
			ON CONFLICT (event_id) DO UPDATE SET incident_id = excluded.incident_id, placed_at = excluded.placed_at
			WHERE NOT event_incident.pinned
			""";

	private static final String SET_ASIDE = "DELETE FROM correlation_queue WHERE event_id = :id";

	private static final String MOVE_ALL = "UPDATE event_incident SET incident_id = :to WHERE incident_id = :from";

	private static final String MOVE_ONE = """
			INSERT INTO event_incident (event_id, incident_id, pinned, placed_at) VALUES (:id, :to, true, :now)
			ON CONFLICT (event_id) DO UPDATE SET incident_id = excluded.incident_id, pinned = true,
			    placed_at = excluded.placed_at
			""";

	private static final String LIST_SELECT = "SELECT " + COLUMNS + " FROM event_with_incident";

	private static final String COUNT_SELECT = "SELECT count(*) FROM event_with_incident";

	private static final RowMapper<Event> EVENT = JdbcEventRepository::map;

	private static final RowMapper<PlacedEvent> PLACED = JdbcEventRepository::mapPlaced;

	// many events in one statement; a row that duplicates an open event (or another row of the batch) is left
	// out, and what was inserted comes back
	private static final String INSERT_ALL = """
			INSERT INTO event (id, title, description, severity, status, source, source_id, fingerprint, dedupe_key,
			                   affected_cis, metrics, labels, annotations, count, created_at, last_seen, updated_at,
			                   received_at, resolved_at, created_by)
			SELECT r.id, r.title, r.description, r.severity, r.status, r.source, r.source_id, r.fingerprint,
			       r.dedupe_key, ARRAY(SELECT jsonb_array_elements_text(r.affected_cis)), r.metrics, r.labels,
			       r.annotations, 1, r.created_at, r.created_at, :now, :now,
			       CASE WHEN r.status = 'resolved' THEN CAST(:now AS timestamptz) END, :actor
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, title text, description text,
			     severity text, status text, source text, source_id text, fingerprint text, dedupe_key text,
			     affected_cis jsonb, metrics jsonb, labels jsonb, annotations jsonb, created_at timestamptz, n bigint)
			ORDER BY r.n
			ON CONFLICT DO NOTHING
			RETURNING id
			""";

	private static final String ENQUEUE_ALL = """
			INSERT INTO correlation_queue (event_id) SELECT id FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS r(id, n)
			ORDER BY n
			""";

	private final JdbcClient jdbc;

	JdbcEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the events in one statement, each unless it duplicates an open or acknowledged one; which were
	 * inserted, in order. The inserted ones get their place in the correlator's queue.
	 */
	boolean[] insertAll(List<StoredEvent> events, Instant now, String actor) {
		List<Map<String, Object>> rows = new ArrayList<>(events.size());
		for (StoredEvent event : events) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", event.id());
			row.put("title", event.title());
			row.put("description", event.description());
			row.put("severity", event.severity().value());
			row.put("status", event.status().value());
			row.put("source", event.source());
			row.put("source_id", event.sourceId());
			row.put("fingerprint", event.fingerprint());
			row.put("dedupe_key", event.dedupeKey());
			row.put("affected_cis", event.affectedCis());
			row.put("metrics", event.metrics());
			row.put("labels", event.labels());
			row.put("annotations", event.annotations());
			row.put("created_at", event.createdAt().toString());
			row.put("n", rows.size());
			rows.add(row);
		}
		Timestamp at = Timestamp.from(now);
		Set<String> inserted = new HashSet<>(this.jdbc.sql(INSERT_ALL)
			.param("rows", EventJson.write(rows))
			.param("now", at)
			.param("actor", actor)
			.query(String.class)
			.list());
		List<String> taken = events.stream().map(StoredEvent::id).filter(inserted::contains).toList();
		if (!taken.isEmpty()) {
			String[] ids = taken.toArray(String[]::new);
			this.jdbc.sql(ENQUEUE_ALL).param("ids", ids).update();
		}
		boolean[] result = new boolean[events.size()];
		for (int i = 0; i < events.size(); i++) {
			result[i] = inserted.contains(events.get(i).id());
		}
		return result;
	}

	void enqueue(String id) {
		this.jdbc.sql(ENQUEUE).param("id", id).update();
	}

	void dequeue(List<Long> seqs) {
		if (!seqs.isEmpty()) {
			this.jdbc.sql(DEQUEUE).param("seqs", seqs.toArray(Long[]::new)).update();
		}
	}

	/**
	 * Reclaims the rows of events already placed: the queue is written and emptied all day, and must stay small
	 * where autovacuum is off or slow to come. Outside a transaction.
	 */
	void vacuumQueue() {
		this.jdbc.sql(VACUUM_QUEUE).update();
	}

	boolean insert(StoredEvent event, Instant now, String actor) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", event.id())
			.addValue("title", event.title())
			.addValue("description", event.description())
			.addValue("severity", event.severity().value())
			.addValue("status", event.status().value())
			.addValue("source", event.source())
			.addValue("sourceId", event.sourceId())
			.addValue("fingerprint", event.fingerprint())
			.addValue("dedupeKey", event.dedupeKey())
			.addValue("affectedCis", event.affectedCis().toArray(String[]::new))
			.addValue("metrics", EventJson.write(event.metrics()))
			.addValue("labels", EventJson.write(event.labels()))
			.addValue("annotations", EventJson.write(event.annotations()))
			.addValue("createdAt", Timestamp.from(event.createdAt()))
			.addValue("resolvedAt", (event.status() == EventStatus.RESOLVED) ? Timestamp.from(now) : null)
			.addValue("now", Timestamp.from(now))
			.addValue("actor", actor);
		return this.jdbc.sql(INSERT).paramSource(params).query(String.class).optional().isPresent();
	}

	Optional<Duplicate> activeDuplicate(String source, @Nullable String sourceId, @Nullable String dedupeKey) {
		return this.jdbc.sql(ACTIVE_DUPLICATE)
			.param("source", source)
			.param("sourceId", sourceId)
			.param("dedupeKey", dedupeKey)
			.query((rs, n) -> new Duplicate(rs.getString("id"), rs.getString("matched_on")))
			.optional();
	}

	boolean countDuplicate(String id, Instant seen, Map<String, @Nullable Object> metrics, Instant now) {
		return this.jdbc.sql(COUNT_DUPLICATE)
			.param("id", id)
			.param("seen", Timestamp.from(seen))
			.param("metrics", EventJson.write(metrics))
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	Optional<Event> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(EVENT).optional();
	}

	/**
	 * The latest event with that source and source id, whatever its status.
	 */
	Optional<Event> findBySource(String source, String sourceId) {
		return this.jdbc.sql(FIND_BY_SOURCE).param("source", source).param("sourceId", sourceId).query(EVENT).optional();
	}

	List<Event> findByIds(Collection<String> ids) {
		return this.jdbc.sql(FIND_BY_IDS).param("ids", ids.toArray(String[]::new)).query(EVENT).list();
	}

	List<Event> findByIncident(String incidentId) {
		return this.jdbc.sql(FIND_BY_INCIDENT).param("incident", incidentId).query(EVENT).list();
	}

	Optional<EventStatus> lockStatus(String id) {
		return this.jdbc.sql(FIND_FOR_UPDATE)
			.param("id", id)
			.query((rs, n) -> EventStatus.fromValue(rs.getString(1)).orElseThrow())
			.optional();
	}

	/**
	 * The unresolved events of an incident, locked, with their status.
	 */
	List<Map.Entry<String, EventStatus>> lockUnresolvedOf(String incidentId) {
		return this.jdbc.sql(UNRESOLVED_OF_INCIDENT)
			.param("incident", incidentId)
			.query((rs, n) -> Map.entry(rs.getString("id"), EventStatus.fromValue(rs.getString("status")).orElseThrow()))
			.list();
	}

	void changeStatus(String id, EventStatus to, Instant now) {
		this.jdbc.sql(CHANGE_STATUS).param("id", id).param("to", to.value()).param("now", Timestamp.from(now)).update();
	}

	void recordStatus(String eventId, @Nullable EventStatus from, EventStatus to, @Nullable String comment,
			@Nullable String actor, Instant at) {
		this.jdbc.sql(INSERT_HISTORY)
			.param("eventId", eventId)
			.param("from", (from != null) ? from.value() : null)
			.param("to", to.value())
			.param("comment", comment)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<EventStatusChange> history(String id) {
		return this.jdbc.sql(HISTORY)
			.param("id", id)
			.query((rs, n) -> new EventStatusChange(
					(rs.getString("from_status") != null) ? EventStatus.fromValue(rs.getString("from_status")).orElse(null)
							: null,
					EventStatus.fromValue(rs.getString("to_status")).orElseThrow(), rs.getString("comment"),
					rs.getString("actor"), rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	List<PlacedEvent> uncorrelated(int limit) {
		return this.jdbc.sql(UNCORRELATED).param("limit", limit).query(PLACED).list();
	}

	List<PlacedEvent> placedBetween(Instant from, Instant to) {
		return this.jdbc.sql(PLACED_BETWEEN)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(PLACED)
			.list();
	}

	List<PlacedEvent> membersOf(Collection<String> incidentIds) {
		return this.jdbc.sql(MEMBERS_OF).param("incidents", incidentIds.toArray(String[]::new)).query(PLACED).list();
	}

	void place(List<String> eventIds, List<String> incidentIds, Instant now) {
		if (eventIds.isEmpty()) {
			return;
		}
		this.jdbc.sql(PLACE)
			.param("ids", eventIds.toArray(String[]::new))
			.param("incidents", incidentIds.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	void setAside(String id) {
		this.jdbc.sql(SET_ASIDE).param("id", id).update();
	}

	void moveAll(String fromIncident, String toIncident) {
		this.jdbc.sql(MOVE_ALL).param("from", fromIncident).param("to", toIncident).update();
	}

	void moveOne(String eventId, String toIncident, Instant now) {
		this.jdbc.sql(MOVE_ONE).param("id", eventId).param("to", toIncident).param("now", Timestamp.from(now)).update();
	}

	List<Event> list(EventQuery query) {
		Filter filter = filter(query);
		String order = switch (query.sort()) {
			case CREATED_AT -> " ORDER BY created_at %1$s, id %1$s";
			case UPDATED_AT -> " ORDER BY updated_at %1$s, id %1$s";
			case SEVERITY -> " ORDER BY CASE severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1"
					+ " ELSE 0 END %1$s, created_at %1$s, id %1$s";
		};
		String sql = LIST_SELECT + filter.where() + String.format(order, query.descending() ? "DESC" : "ASC")
				+ " LIMIT :limit OFFSET :offset";
		return this.jdbc.sql(sql)
			.paramSource(filter.params().addValue("limit", query.limit()).addValue("offset", query.offset()))
			.query(EVENT)
			.list();
	}

	long count(EventQuery query) {
		Filter filter = filter(query);
		return this.jdbc.sql(COUNT_SELECT + filter.where()).paramSource(filter.params()).query(Long.class).single();
	}

	private static Filter filter(EventQuery query) {
		StringBuilder where = new StringBuilder(" WHERE true");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (query.status() != null) {
			where.append(" AND status = :status");
			params.addValue("status", query.status().value());
		}
		if (query.severity() != null) {
			where.append(" AND severity = :severity");
			params.addValue("severity", query.severity().value());
		}
		if (query.source() != null) {
			where.append(" AND source = :source");
			params.addValue("source", query.source());
		}
		if (query.ciId() != null) {
			where.append(" AND affected_cis @> ARRAY[CAST(:ci AS text)]");
			params.addValue("ci", query.ciId());
		}
		if (query.from() != null) {
			where.append(" AND created_at >= :from");
			params.addValue("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND created_at < :to");
			params.addValue("to", Timestamp.from(query.to()));
		}
		if (query.search() != null) {
			where.append(" AND search @@ plainto_tsquery('simple', :search)");
			params.addValue("search", query.search());
		}
		if (query.incidentId() != null) {
			where.append(" AND incident_id = :incident");
			params.addValue("incident", query.incidentId());
		}
		return new Filter(where.toString(), params);
	}

	private record Filter(String where, MapSqlParameterSource params) {
	}

	private static Event map(ResultSet rs, int row) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Event(rs.getString("id"), rs.getString("title"), rs.getString("description"),
				Severity.fromValue(rs.getString("severity")).orElseThrow(),
				EventStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getString("source"),
				rs.getString("source_id"), rs.getString("fingerprint"), strings(rs.getArray("affected_cis")),
				EventJson.read(rs.getString("metrics")), EventJson.read(rs.getString("labels")),
				EventJson.read(rs.getString("annotations")), rs.getInt("count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
				(resolved != null) ? resolved.toInstant() : null, rs.getString("created_by"),
				rs.getString("incident_id"));
	}

	private static PlacedEvent mapPlaced(ResultSet rs, int row) throws SQLException {
		return new PlacedEvent(rs.getLong("seq"), rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), strings(rs.getArray("affected_cis")), rs.getString("title"),
				Severity.fromValue(rs.getString("severity")).orElseThrow(),
				EventStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getString("incident_id"),
				rs.getBoolean("pinned"));
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
	}

	/**
	 * An event as intake stores it.
	 */
	record StoredEvent(String id, String title, @Nullable String description, Severity severity, EventStatus status,
			String source, @Nullable String sourceId, String fingerprint, @Nullable String dedupeKey,
			List<String> affectedCis, Map<String, @Nullable Object> metrics, Map<String, @Nullable Object> labels,
			Map<String, @Nullable Object> annotations, Instant createdAt) {
	}

	/**
	 * An open event that a new one duplicates, and on what.
	 */
	record Duplicate(String id, String matchedOn) {
	}

	/**
	 * What the correlator knows of an event; {@code seq} is its place in the correlator's queue (0 when it was
	 * read from where it was placed).
	 */
	record PlacedEvent(long seq, String id, Instant createdAt, Instant receivedAt, List<String> affectedCis, String title, Severity severity,
			EventStatus status, @Nullable String incidentId, boolean pinned) {
	}

}
