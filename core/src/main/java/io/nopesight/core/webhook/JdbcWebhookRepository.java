package io.nopesight.core.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.outbox.ChangePosition;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookRepository {

	private static final String ENDPOINT_COLUMNS = """
			e.id, e.name, e.url, e.events, e.headers::text AS headers, e.active, e.disabled_reason, e.failing_since,
			e.created_at, e.updated_at, e.secret, e.previous_secret, e.previous_secret_until
			""";

	private static final String INSERT_ENDPOINT = """
			INSERT INTO webhook_endpoint (id, name, url, events, headers, active, secret, created_at, updated_at)
			VALUES (:id, :name, :url, :events, CAST(:headers AS jsonb), :active, :secret, :now, :now)
			""";

	private static final String UPDATE_ENDPOINT = """
			UPDATE webhook_endpoint SET name = :name, url = :url, events = :events, headers = CAST(:headers AS jsonb),
			    active = :active, updated_at = :now,
			    disabled_reason = CASE WHEN :active THEN NULL ELSE disabled_reason END,
			    failing_since = CASE WHEN :active THEN NULL ELSE failing_since END
			WHERE id = :id
			""";

	private static final String FIND_ENDPOINT = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint e WHERE e.id = :id";

	private static final String ALL_ENDPOINTS = "SELECT " + ENDPOINT_COLUMNS
			+ " FROM webhook_endpoint e ORDER BY e.created_at, e.id";

	private static final String ACTIVE_ENDPOINTS = "SELECT " + ENDPOINT_COLUMNS
			+ " FROM webhook_endpoint e WHERE e.active";

	private static final String DELETE_ENDPOINT = "DELETE FROM webhook_endpoint WHERE id = :id";

	private static final String ROTATE = """
			UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = :until, secret = :secret,
			    updated_at = :now
			WHERE id = :id
			""";

	private static final String DISABLE = """
			UPDATE webhook_endpoint SET active = false, disabled_reason = :reason, updated_at = :now WHERE id = :id
			""";

	private static final String FAILING = """
			UPDATE webhook_endpoint SET failing_since = coalesce(failing_since, :now) WHERE id = :id
			RETURNING failing_since
			""";

	private static final String HEALTHY = """
			UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL
			""";

	private static final String START_CURSOR = """
			INSERT INTO webhook_cursor (id, xid, seq) VALUES (1, :xid, :seq) ON CONFLICT (id) DO NOTHING
			""";

	// one node fans out at a time; the others skip it rather than queue behind it
	private static final String LOCK_CURSOR = "SELECT xid, seq FROM webhook_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED";

	private static final String MOVE_CURSOR = "UPDATE webhook_cursor SET xid = :xid, seq = :seq WHERE id = 1";

	private static final String INSERT_DELIVERIES = """
			INSERT INTO webhook_delivery (id, endpoint_id, event_type, resource_key, body, status, next_attempt_at, created_at)
			SELECT r.id, r.endpoint_id, r.event_type, r.resource_key, r.body, 'pending', :now, :now
			FROM jsonb_to_recordset(CAST(:rows AS jsonb))
			    AS r(id text, endpoint_id text, event_type text, resource_key text, body text)
			""";

	// Due messages of active endpoints whose earlier messages about the same resource are all finished (order per
	// resource), at most per-endpoint in flight per endpoint (a slow receiver holds only its share of the
	// workers); rows another node is claiming are skipped, and status is checked again on the locked row.
	private static final String CLAIM = """
			WITH due AS (
			    SELECT d.id, d.endpoint_id, d.next_attempt_at, d.seq
			    FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.active
			    WHERE d.status = 'pending' AND d.next_attempt_at <= :now
			      AND NOT EXISTS (SELECT 1 FROM webhook_delivery o
			                      WHERE o.endpoint_id = d.endpoint_id AND o.resource_key = d.resource_key
			                        AND o.seq < d.seq AND o.status IN ('pending', 'delivering'))
			    ORDER BY d.next_attempt_at, d.seq
			    LIMIT :scan),
			-- ranked after the limit: a window over the whole backlog would walk all of it on every claim
			candidate AS (
			    SELECT due.*, row_number() OVER (PARTITION BY due.endpoint_id ORDER BY due.next_attempt_at, due.seq) AS rank
			    FROM due),
			busy AS (
			    SELECT endpoint_id, count(*) AS n FROM webhook_delivery WHERE status = 'delivering' GROUP BY endpoint_id),
			chosen AS (
			    SELECT d.id FROM webhook_delivery d
			    JOIN candidate c ON c.id = d.id
			    LEFT JOIN busy b ON b.endpoint_id = c.endpoint_id
			    WHERE d.status = 'pending' AND c.rank + coalesce(b.n, 0) <= :perEndpoint
			    ORDER BY c.next_attempt_at, c.seq
			    LIMIT :limit
			    FOR UPDATE OF d SKIP LOCKED)
			UPDATE webhook_delivery d
			SET status = 'delivering', claimed_by = :node, lease_until = :leaseUntil, attempts = d.attempts + 1
			FROM chosen, webhook_endpoint e
			WHERE d.id = chosen.id AND e.id = d.endpoint_id
			RETURNING d.id AS delivery_id, d.body, d.attempts, %s
			""".formatted(ENDPOINT_COLUMNS);

	// a finished delivery keeps claimed_by: the node that sent it last
	private static final String SUCCEEDED = """
			UPDATE webhook_delivery SET status = 'succeeded', response_code = :code, latency_ms = :latency,
			    last_error = NULL, next_attempt_at = NULL, lease_until = NULL, finished_at = :now
			WHERE id = :id AND claimed_by = :node AND status = 'delivering'
			""";

	private static final String RETRY = """
			UPDATE webhook_delivery SET status = 'pending', response_code = :code, latency_ms = :latency,
			    last_error = :error, next_attempt_at = :next, claimed_by = NULL, lease_until = NULL
			WHERE id = :id AND claimed_by = :node AND status = 'delivering'
			""";

	private static final String FAILED = """
			UPDATE webhook_delivery SET status = 'failed', response_code = :code, latency_ms = :latency,
			    last_error = :error, next_attempt_at = NULL, lease_until = NULL, finished_at = :now
			WHERE id = :id AND claimed_by = :node AND status = 'delivering'
			""";

	// a node that died mid-attempt leaves its claim; once the lease is over the message is due again
	private static final String RELEASE_LAPSED = """
			UPDATE webhook_delivery SET status = 'pending', claimed_by = NULL, lease_until = NULL, next_attempt_at = :now
			WHERE status = 'delivering' AND lease_until < :now
			""";

	private static final String RELEASE_OWN = """
			UPDATE webhook_delivery SET status = 'pending', claimed_by = NULL, lease_until = NULL
			WHERE status = 'delivering' AND claimed_by = :node
			""";

	private static final String DELIVERY_COLUMNS = """
			id, endpoint_id, event_type, status, attempts, response_code, latency_ms, last_error, next_attempt_at,
			created_at, finished_at
			""";

	private static final String DELIVERIES = "SELECT " + DELIVERY_COLUMNS + """
			FROM webhook_delivery WHERE endpoint_id = :endpoint ORDER BY seq DESC LIMIT :limit OFFSET :offset
			""";

	private static final String COUNT_DELIVERIES = "SELECT count(*) FROM webhook_delivery WHERE endpoint_id = :endpoint";

	private static final String FIND_DELIVERY = "SELECT " + DELIVERY_COLUMNS
			+ " FROM webhook_delivery WHERE endpoint_id = :endpoint AND id = :id";

	private static final String REDELIVER = """
			UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = :now, finished_at = NULL
			WHERE endpoint_id = :endpoint AND id = :id AND status <> 'delivering'
			""";

	private static final String PRUNE = "DELETE FROM webhook_delivery WHERE finished_at < :before";

	private static final RowMapper<WebhookDelivery> DELIVERY = (rs, n) -> new WebhookDelivery(rs.getString("id"),
			rs.getString("endpoint_id"), rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
			rs.getObject("response_code", Integer.class), rs.getObject("latency_ms", Long.class),
			rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "created_at"),
			instant(rs, "finished_at"));

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RowMapper<StoredEndpoint> endpoint = this::endpoint;

	JdbcWebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, WebhookEndpointSpec spec, String secret, Instant now) {
		this.jdbc.sql(INSERT_ENDPOINT)
			.param("id", id)
			.param("name", spec.name())
			.param("url", spec.url())
			.param("events", spec.events().toArray(String[]::new))
			.param("headers", this.json.writeValueAsString(spec.headers()))
			.param("active", spec.active())
			.param("secret", secret)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean update(String id, WebhookEndpointSpec spec, Instant now) {
		return this.jdbc.sql(UPDATE_ENDPOINT)
			.param("id", id)
			.param("name", spec.name())
			.param("url", spec.url())
			.param("events", spec.events().toArray(String[]::new))
			.param("headers", this.json.writeValueAsString(spec.headers()))
			.param("active", spec.active())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<StoredEndpoint> find(String id) {
		return this.jdbc.sql(FIND_ENDPOINT).param("id", id).query(this.endpoint).optional();
	}

	List<StoredEndpoint> all() {
		return this.jdbc.sql(ALL_ENDPOINTS).query(this.endpoint).list();
	}

	List<StoredEndpoint> active() {
		return this.jdbc.sql(ACTIVE_ENDPOINTS).query(this.endpoint).list();
	}

	boolean delete(String id) {
		return this.jdbc.sql(DELETE_ENDPOINT).param("id", id).update() == 1;
	}

	boolean rotate(String id, String secret, Instant previousUntil, Instant now) {
		return this.jdbc.sql(ROTATE)
			.param("id", id)
			.param("secret", secret)
			.param("until", Timestamp.from(previousUntil))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void disable(String id, String reason, Instant now) {
		this.jdbc.sql(DISABLE).param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Marks the endpoint failing from {@code now} unless it already was, and returns since when it is.
	 */
	Optional<Instant> failing(String id, Instant now) {
		return this.jdbc.sql(FAILING)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	void healthy(String id) {
		this.jdbc.sql(HEALTHY).param("id", id).update();
	}

	/**
	 * The fan-out cursor, locked until the caller's transaction ends, or empty when another node holds it.
	 */
	Optional<ChangePosition> lockCursor(ChangePosition start) {
		this.jdbc.sql(START_CURSOR).param("xid", start.xid()).param("seq", start.seq()).update();
		return this.jdbc.sql(LOCK_CURSOR)
			.query((rs, n) -> new ChangePosition(rs.getLong("xid"), rs.getLong("seq")))
			.optional();
	}

	void moveCursor(ChangePosition position) {
		this.jdbc.sql(MOVE_CURSOR).param("xid", position.xid()).param("seq", position.seq()).update();
	}

	void insert(List<NewDelivery> deliveries, Instant now) {
		if (deliveries.isEmpty()) {
			return;
		}
		List<Map<String, String>> rows = deliveries.stream()
			.map((d) -> Map.of("id", d.id(), "endpoint_id", d.endpointId(), "event_type", d.eventType(),
					"resource_key", d.resourceKey(), "body", d.body()))
			.toList();
		this.jdbc.sql(INSERT_DELIVERIES)
			.param("rows", this.json.writeValueAsString(rows))
			.param("now", Timestamp.from(now))
			.update();
	}

	List<ClaimedDelivery> claim(String node, int limit, int perEndpoint, Instant now, Instant leaseUntil) {
		return this.jdbc.sql(CLAIM)
			.param("node", node)
			.param("limit", limit)
			.param("scan", Math.max(limit * 8, 256))
			.param("perEndpoint", perEndpoint)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.query((rs, n) -> new ClaimedDelivery(rs.getString("delivery_id"), rs.getString("body"),
					rs.getInt("attempts"), endpoint(rs, n)))
			.list();
	}

	void succeeded(String id, String node, int code, long latency, Instant now) {
		this.jdbc.sql(SUCCEEDED)
			.param("id", id)
			.param("node", node)
			.param("code", code)
			.param("latency", latency)
			.param("now", Timestamp.from(now))
			.update();
	}

	void retry(String id, String node, @Nullable Integer code, long latency, String error, Instant next) {
		this.jdbc.sql(RETRY)
			.param("id", id)
			.param("node", node)
			.param("code", code)
			.param("latency", latency)
			.param("error", error)
			.param("next", Timestamp.from(next))
			.update();
	}

	void failed(String id, String node, @Nullable Integer code, long latency, String error, Instant now) {
		this.jdbc.sql(FAILED)
			.param("id", id)
			.param("node", node)
			.param("code", code)
			.param("latency", latency)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update();
	}

	int releaseLapsed(Instant now) {
		return this.jdbc.sql(RELEASE_LAPSED).param("now", Timestamp.from(now)).update();
	}

	void releaseOwn(String node) {
		this.jdbc.sql(RELEASE_OWN).param("node", node).update();
	}

	List<WebhookDelivery> deliveries(String endpointId, int offset, int limit) {
		return this.jdbc.sql(DELIVERIES)
			.param("endpoint", endpointId)
			.param("offset", offset)
			.param("limit", limit)
			.query(DELIVERY)
			.list();
	}

	long countDeliveries(String endpointId) {
		return this.jdbc.sql(COUNT_DELIVERIES).param("endpoint", endpointId).query(Long.class).single();
	}

	Optional<WebhookDelivery> findDelivery(String endpointId, String id) {
		return this.jdbc.sql(FIND_DELIVERY).param("endpoint", endpointId).param("id", id).query(DELIVERY).optional();
	}

	boolean redeliver(String endpointId, String id, Instant now) {
		return this.jdbc.sql(REDELIVER)
			.param("endpoint", endpointId)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	int prune(Instant before) {
		return this.jdbc.sql(PRUNE).param("before", Timestamp.from(before)).update();
	}

	private StoredEndpoint endpoint(ResultSet rs, int n) throws SQLException {
		WebhookEndpoint endpoint = new WebhookEndpoint(rs.getString("id"), rs.getString("name"), rs.getString("url"),
				List.of((String[]) rs.getArray("events").getArray()), this.json.readValue(rs.getString("headers"), HEADERS),
				rs.getBoolean("active"), rs.getString("disabled_reason"), instant(rs, "failing_since"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
		return new StoredEndpoint(endpoint, rs.getString("secret"), rs.getString("previous_secret"),
				instant(rs, "previous_secret_until"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
