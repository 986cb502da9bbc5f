package io.nopesight.core.outbox;

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
