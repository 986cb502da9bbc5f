package io.nopesight.correlation.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.correlation.Severity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' tables: services and their components, dependencies, health changes, and how far the health
 * monitor has read.
 */
@Repository
class JdbcServiceRepository {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<ServiceHealth.Reason>> REASONS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, name, description, criticality, sla_availability, sla_response_time, health_status, health_score,
			health_reasons, health_since, created_at, updated_at""";

	private static final String INSERT = """
			INSERT INTO service (id, name, description, criticality, sla_availability, sla_response_time,
			                     health_since, created_at, updated_at)
			VALUES (:id, :name, :description, :criticality, :availability, :responseTime, :now, :now, :now)
			""";

	private static final String UPDATE = """
			UPDATE service SET name = :name, description = :description, criticality = :criticality,
			       sla_availability = :availability, sla_response_time = :responseTime, updated_at = :now
			WHERE id = :id
			""";

	private static final String NAME_TAKEN = """
			SELECT id FROM service WHERE lower(name) = lower(:name) AND id <> :id
			""";

	private static final String DELETE_COMPONENTS = "DELETE FROM service_component WHERE service_id = :id";

	private static final String INSERT_COMPONENT = """
			INSERT INTO service_component (service_id, ci_id, role, position) VALUES (:id, :ci, :role, :position)
			""";

	private static final String COMPONENTS = """
			SELECT service_id, ci_id, role FROM service_component WHERE service_id = ANY(:ids) ORDER BY service_id, position
			""";

	private static final String ALL_COMPONENTS = "SELECT service_id, ci_id FROM service_component";

	private static final String DELETE = "DELETE FROM service WHERE id = :id";

	private static final String LOCK = "SELECT id FROM service WHERE id = :id FOR UPDATE";

	private static final String DEPENDENCIES = "SELECT service_id, depends_on, type, impact FROM service_dependency";

	private static final String UPSERT_DEPENDENCY = """
			INSERT INTO service_dependency (service_id, depends_on, type, impact, created_at)
			VALUES (:id, :upstream, :type, :impact, :now)
			ON CONFLICT (service_id, depends_on) DO UPDATE SET type = EXCLUDED.type, impact = EXCLUDED.impact
			""";

	private static final String DELETE_DEPENDENCY = """
			DELETE FROM service_dependency WHERE service_id = :id AND depends_on = :upstream
			""";

	private static final String HEALTH_FROM = """
			SELECT at, status, score, reasons FROM service_health_change
			WHERE service_id = :id AND at <= :to
			  AND at >= coalesce((SELECT max(at) FROM service_health_change WHERE service_id = :id AND at <= :from),
			                     '-infinity')
			ORDER BY at
			""";

	private static final String HEALTH_BEFORE = """
			SELECT at, status, score, reasons FROM service_health_change
			WHERE service_id = :id AND at < :from ORDER BY at DESC LIMIT 1
			""";

	private static final String DELETE_HEALTH_FROM = """
			DELETE FROM service_health_change WHERE service_id = :id AND at >= :from
			""";

	private static final String INSERT_HEALTH = """
			INSERT INTO service_health_change (service_id, at, status, score, reasons)
			VALUES (:id, :at, :status, :score, CAST(:reasons AS jsonb))
			""";

	private static final String SET_CURRENT_HEALTH = """
			UPDATE service SET health_status = :status, health_score = :score, health_reasons = CAST(:reasons AS jsonb),
			       health_since = :since
			WHERE id = :id
			""";

	private static final String CURSOR = "SELECT xid, seq FROM service_health_cursor WHERE id = 1 FOR UPDATE";

	private static final String START_CURSOR = """
			INSERT INTO service_health_cursor (id, xid, seq) VALUES (1, :xid, :seq) ON CONFLICT (id) DO NOTHING
			""";

	private static final String MOVE_CURSOR = "UPDATE service_health_cursor SET xid = :xid, seq = :seq WHERE id = 1";

	private static final String EVENT_TIMES = """
			SELECT id, affected_cis, created_at FROM event WHERE id = ANY(:ids)
			""";

	// every event on one of the CIs that may have been active in [from, to]; which were is decided in Java
	private static final String EVENTS_ON = """
			SELECT id, title, severity, status, affected_cis, created_at, last_seen, received_at, resolved_at
			FROM event
			WHERE affected_cis && CAST(:cis AS text[]) AND created_at <= :to
			  AND ((status <> 'resolved' AND last_seen >= :quietFrom) OR (status = 'resolved' AND resolved_at >= :from))
			""";

	private final JdbcClient jdbc;

	JdbcServiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, String name, @Nullable String description, String criticality, BusinessService.Sla sla,
			Instant now) {
		this.jdbc.sql(INSERT)
			.param("id", id)
			.param("name", name)
			.param("description", description)
			.param("criticality", criticality)
			.param("availability", sla.availability())
			.param("responseTime", sla.responseTime())
			.param("now", Timestamp.from(now))
			.update();
	}

	void update(String id, String name, @Nullable String description, String criticality, BusinessService.Sla sla,
			Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("name", name)
			.param("description", description)
			.param("criticality", criticality)
			.param("availability", sla.availability())
			.param("responseTime", sla.responseTime())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean nameTaken(String name, String exceptId) {
		return !this.jdbc.sql(NAME_TAKEN).param("name", name).param("id", exceptId).query(String.class).list().isEmpty();
	}

	void replaceComponents(String id, List<StoredComponent> components) {
		this.jdbc.sql(DELETE_COMPONENTS).param("id", id).update();
		for (int i = 0; i < components.size(); i++) {
			this.jdbc.sql(INSERT_COMPONENT)
				.param("id", id)
				.param("ci", components.get(i).ciId())
				.param("role", components.get(i).role())
				.param("position", i)
				.update();
		}
	}

	boolean lock(String id) {
		return !this.jdbc.sql(LOCK).param("id", id).query(String.class).list().isEmpty();
	}

	boolean delete(String id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	Optional<StoredService> find(String id) {
		return findAll(List.of(id)).stream().findFirst();
	}

	List<StoredService> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<StoredService> services = this.jdbc.sql("SELECT " + COLUMNS + " FROM service WHERE id = ANY(:ids) ORDER BY name")
			.param("ids", ids.toArray(String[]::new))
			.query(this::service)
			.list();
		return withComponents(services);
	}

	List<StoredService> all() {
		return withComponents(this.jdbc.sql("SELECT " + COLUMNS + " FROM service ORDER BY name").query(this::service).list());
	}

	/**
	 * Every component, as service id and CI id.
	 */
	void forEachComponent(BiConsumer<String, String> action) {
		this.jdbc.sql(ALL_COMPONENTS).query((rs) -> {
			action.accept(rs.getString("service_id"), rs.getString("ci_id"));
		});
	}

	StoredPage page(ServiceQuery query) {
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.criticality() != null) {
			where.append(" AND criticality = :criticality");
			params.put("criticality", query.criticality());
		}
		if (query.health() != null) {
			where.append(" AND health_status = :health");
			params.put("health", query.health().value());
		}
		if (query.search() != null) {
			where.append(" AND (name ILIKE :search OR coalesce(description, '') ILIKE :search)");
			params.put("search", "%" + query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("SELECT count(*) FROM service" + where).params(params).query(Long.class).single();
		params.put("limit", query.limit());
		params.put("offset", (long) (query.page() - 1) * query.limit());
		List<StoredService> services = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM service" + where + " ORDER BY name, id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::service)
			.list();
		return new StoredPage(withComponents(services), total);
	}

	List<StoredDependency> dependencies() {
		return this.jdbc.sql(DEPENDENCIES)
			.query((rs, n) -> new StoredDependency(rs.getString("service_id"), rs.getString("depends_on"),
					DependencyType.fromValue(rs.getString("type")).orElseThrow(),
					DependencyImpact.fromValue(rs.getString("impact")).orElseThrow()))
			.list();
	}

	void upsertDependency(String id, String upstream, DependencyType type, DependencyImpact impact, Instant now) {
		this.jdbc.sql(UPSERT_DEPENDENCY)
			.param("id", id)
			.param("upstream", upstream)
			.param("type", type.value())
			.param("impact", impact.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean deleteDependency(String id, String upstream) {
		return this.jdbc.sql(DELETE_DEPENDENCY).param("id", id).param("upstream", upstream).update() > 0;
	}

	/**
	 * The health rows from the one in force at {@code from} up to {@code to}.
	 */
	List<HealthChange> health(String id, Instant from, Instant to) {
		return this.jdbc.sql(HEALTH_FROM)
			.param("id", id)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(this::healthChange)
			.list();
	}

	Optional<HealthChange> healthBefore(String id, Instant from) {
		return this.jdbc.sql(HEALTH_BEFORE)
			.param("id", id)
			.param("from", Timestamp.from(from))
			.query(this::healthChange)
			.optional();
	}

	void replaceHealth(String id, Instant from, List<HealthChange> changes) {
		this.jdbc.sql(DELETE_HEALTH_FROM).param("id", id).param("from", Timestamp.from(from)).update();
		for (HealthChange change : changes) {
			this.jdbc.sql(INSERT_HEALTH)
				.param("id", id)
				.param("at", Timestamp.from(change.at()))
				.param("status", change.status().value())
				.param("score", change.score())
				.param("reasons", JSON.writeValueAsString(change.reasons()))
				.update();
		}
	}

	void setCurrentHealth(String id, HealthChange current) {
		this.jdbc.sql(SET_CURRENT_HEALTH)
			.param("id", id)
			.param("status", current.status().value())
			.param("score", current.score())
			.param("reasons", JSON.writeValueAsString(current.reasons()))
			.param("since", Timestamp.from(current.at()))
			.update();
	}

	/**
	 * Where the health monitor has read up to, locked for the caller's transaction; starts it at
	 * {@code start} the first time.
	 */
	ChangePosition lockCursor(ChangePosition start) {
		this.jdbc.sql(START_CURSOR).param("xid", start.xid()).param("seq", start.seq()).update();
		return this.jdbc.sql(CURSOR).query((rs, n) -> new ChangePosition(rs.getLong("xid"), rs.getLong("seq"))).single();
	}

	void moveCursor(ChangePosition position) {
		this.jdbc.sql(MOVE_CURSOR).param("xid", position.xid()).param("seq", position.seq()).update();
	}

	/**
	 * Of these events, when each happened and on which CIs.
	 */
	List<ActiveEvent> eventTimes(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(EVENT_TIMES)
			.param("ids", ids.toArray(String[]::new))
			.query((rs, n) -> new ActiveEvent(rs.getString("id"), "", Severity.LOW, strings(rs.getArray("affected_cis")),
					instant(rs, "created_at"), null))
			.list();
	}

	/**
	 * The events on these CIs that may have been active at some time in [from, to], with their ends as
	 * {@code end} decides.
	 */
	List<ActiveEvent> eventsOn(Collection<String> cis, Instant from, Instant to, Duration quietAfter, EventEnd end) {
		if (cis.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(EVENTS_ON)
			.param("cis", cis.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("quietFrom", Timestamp.from(from.minus(quietAfter)))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				Instant created = instant(rs, "created_at");
				Instant resolved = "resolved".equals(rs.getString("status")) ? nullableInstant(rs, "resolved_at") : null;
				Instant ends = end.of(created, instant(rs, "last_seen"), instant(rs, "received_at"), resolved);
				return new ActiveEvent(rs.getString("id"), rs.getString("title"),
						Severity.fromValue(rs.getString("severity")).orElse(Severity.LOW), strings(rs.getArray("affected_cis")), created, ends);
			})
			.list();
	}

	private StoredService service(ResultSet rs, int row) throws SQLException {
		return new StoredService(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("criticality"),
				new BusinessService.Sla(rs.getString("sla_availability"), rs.getString("sla_response_time")),
				List.of(), new HealthChange(instant(rs, "health_since"),
						HealthStatus.fromValue(rs.getString("health_status")).orElseThrow(), rs.getDouble("health_score"),
						reasons(rs.getString("health_reasons"))),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private List<StoredService> withComponents(List<StoredService> services) {
		if (services.isEmpty()) {
			return services;
		}
		Map<String, List<StoredComponent>> components = new LinkedHashMap<>();
		this.jdbc.sql(COMPONENTS)
			.param("ids", services.stream().map(StoredService::id).toArray(String[]::new))
			.query((rs) -> {
				components.computeIfAbsent(rs.getString("service_id"), (k) -> new ArrayList<>())
					.add(new StoredComponent(rs.getString("ci_id"), rs.getString("role")));
			});
		return services.stream()
			.map((s) -> s.withComponents(components.getOrDefault(s.id(), List.of())))
			.toList();
	}

	private HealthChange healthChange(ResultSet rs, int row) throws SQLException {
		return new HealthChange(instant(rs, "at"), HealthStatus.fromValue(rs.getString("status")).orElseThrow(),
				rs.getDouble("score"), reasons(rs.getString("reasons")));
	}

	private static List<ServiceHealth.Reason> reasons(@Nullable String json) {
		return (json == null || json.isBlank()) ? List.of() : JSON.readValue(json, REASONS);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	/**
	 * When an event stopped weighing on health ({@code resolved} null: not resolved).
	 */
	interface EventEnd {

		Instant of(Instant created, Instant lastSeen, Instant received, @Nullable Instant resolved);

	}

	record StoredComponent(String ciId, @Nullable String role) {
	}

	record StoredService(String id, String name, @Nullable String description, String criticality,
			BusinessService.Sla sla, List<StoredComponent> components, HealthChange health, Instant createdAt,
			Instant updatedAt) {

		StoredService withComponents(List<StoredComponent> components) {
			return new StoredService(this.id, this.name, this.description, this.criticality, this.sla,
					List.copyOf(components), this.health, this.createdAt, this.updatedAt);
		}

	}

	record StoredPage(List<StoredService> services, long total) {
	}

	record StoredDependency(String serviceId, String dependsOn, DependencyType type, DependencyImpact impact) {
	}

}
