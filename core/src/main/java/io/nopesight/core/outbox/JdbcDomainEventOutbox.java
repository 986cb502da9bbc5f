package io.nopesight.core.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcDomainEventOutbox implements DomainEventOutbox {

	private static final String INSERT = """
			INSERT INTO domain_event (event_type, aggregate_id, payload) VALUES (:type, :aggregateId, CAST(:payload AS jsonb))
			""";

	private static final String INSERT_ALL = """
			INSERT INTO domain_event (event_type, aggregate_id, payload)
			SELECT r.type, r.aggregate_id, r.payload
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(type text, aggregate_id text, payload jsonb)
			""";

	// Only transactions older than every running one are finished for sure; their events can be taken
	// in (xid, seq) order without ever skipping one that commits later.
	private static final String READ_AFTER = """
			SELECT xid::text::bigint AS xid, seq, event_type, aggregate_id, payload::text AS payload, occurred_at
			FROM domain_event
			WHERE (xid, seq) > (CAST(:xid AS text)::xid8, :seq)
			  AND xid < pg_snapshot_xmin(pg_current_snapshot())
			ORDER BY xid, seq
			LIMIT :limit
			""";

	// the same window, returning only the events of the wanted types and the last one read, whatever its type
	private static final String READ_TYPES_AFTER = """
			WITH window_read AS (
			    SELECT xid, seq, event_type, aggregate_id, payload, occurred_at FROM domain_event
			    WHERE (xid, seq) > (CAST(:xid AS text)::xid8, :seq)
			      AND xid < pg_snapshot_xmin(pg_current_snapshot())
			    ORDER BY xid, seq
			    LIMIT :limit),
			numbered AS (
			    SELECT *, event_type LIKE ANY(CAST(:patterns AS text[])) AS wanted,
			           row_number() OVER (ORDER BY xid DESC, seq DESC) AS from_end, count(*) OVER () AS read
			    FROM window_read)
			SELECT xid::text::bigint AS xid, seq, event_type, aggregate_id,
			       CASE WHEN wanted THEN payload::text END AS payload, occurred_at, wanted, read
			FROM numbered
			WHERE wanted OR from_end = 1
			ORDER BY xid, seq
			""";

	private static final String SAFE_POSITION = """
			SELECT xid::text::bigint AS xid, seq FROM domain_event
			WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
			ORDER BY xid DESC, seq DESC LIMIT 1
			""";

	private static final String STREAM_ID = "SELECT id FROM event_stream";

	private static final RowMapper<StoredDomainEvent> EVENT = (rs, n) -> new StoredDomainEvent(
			new ChangePosition(rs.getLong("xid"), rs.getLong("seq")), rs.getString("event_type"),
			rs.getString("aggregate_id"), rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant());

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcDomainEventOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String type, String aggregateId, Object payload) {
		this.jdbc.sql(INSERT)
			.param("type", type)
			.param("aggregateId", aggregateId)
			.param("payload", this.json.writeValueAsString(payload))
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void publishAll(List<Event> events) {
		if (events.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = events.stream()
			.map((event) -> Map.of("type", event.type(), "aggregate_id", event.aggregateId(), "payload",
					event.payload()))
			.toList();
		this.jdbc.sql(INSERT_ALL).param("rows", this.json.writeValueAsString(rows)).update();
	}

	@Override
	public List<StoredDomainEvent> readAfter(ChangePosition position, int limit) {
		return this.jdbc.sql(READ_AFTER)
			.param("xid", Long.toString(position.xid()))
			.param("seq", position.seq())
			.param("limit", limit)
			.query(EVENT)
			.list();
	}

	@Override
	public DomainEventPage readAfter(ChangePosition position, int limit, Collection<String> typePrefixes) {
		String[] patterns = typePrefixes.stream()
			.map((prefix) -> prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toArray(String[]::new);
		List<StoredDomainEvent> wanted = new ArrayList<>();
		ChangePosition[] readTo = { position };
		long[] read = { 0 };
		this.jdbc.sql(READ_TYPES_AFTER)
			.param("xid", Long.toString(position.xid()))
			.param("seq", position.seq())
			.param("limit", limit)
			.param("patterns", patterns)
			.query((rs) -> {
				if (rs.getBoolean("wanted")) {
					wanted.add(EVENT.mapRow(rs, wanted.size()));
				}
				readTo[0] = new ChangePosition(rs.getLong("xid"), rs.getLong("seq"));
				read[0] = rs.getLong("read");
			});
		return new DomainEventPage(wanted, readTo[0], read[0] == limit);
	}

	@Override
	public ChangePosition currentSafePosition() {
		return this.jdbc.sql(SAFE_POSITION)
			.query((rs, n) -> new ChangePosition(rs.getLong("xid"), rs.getLong("seq")))
			.optional()
			.orElse(ChangePosition.START);
	}

	@Override
	public String streamId() {
		return this.jdbc.sql(STREAM_ID).query(String.class).single();
	}

}
