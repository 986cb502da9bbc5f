package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nopesight.core.metric.MetricSummaries;
import io.nopesight.core.metric.MetricSummary;
import io.nopesight.core.metric.MetricSummaryQuery;
import io.nopesight.nlq.Condition.Field;

/**
 * Runs a plan's CI filters as one SQL statement. Every fragment is fixed per field and operator; the values
 * a question supplied are bound as parameters, never written into the SQL.
 */
@Component
class JdbcPlanQueries {

	/** The most rows a list answer returns. */
	static final int MAX_ROWS = 1_000;

	private static final Map<Field, String> COLUMNS = Map.ofEntries(Map.entry(Field.TYPE, "c.type"),
			Map.entry(Field.STATUS, "c.status"), Map.entry(Field.ENVIRONMENT, "c.custom_fields->>'environment'"),
			Map.entry(Field.DEPARTMENT, "c.custom_fields->>'department'"),
			Map.entry(Field.COST_CENTER, "upper(c.custom_fields->>'cost_center')"),
			Map.entry(Field.OWNER, "lower(c.custom_fields->>'owner')"), Map.entry(Field.OS, "c.attributes->>'os'"),
			Map.entry(Field.LOCATION, "c.attributes->>'location'"),
			Map.entry(Field.MANUFACTURER, "c.attributes->>'manufacturer'"),
			Map.entry(Field.ENGINE, "c.attributes->>'engine'"), Map.entry(Field.MEMORY_GB, number("memory_gb")),
			Map.entry(Field.CPU_CORES, number("cpu_cores")), Map.entry(Field.DISK_GB, number("disk_gb")),
			Map.entry(Field.NAME, "c.name"));

	private static final Map<Field, String> GROUPS = groups();

	private static final String VIRTUAL_MODEL = "VMware Virtual Platform";

	/** The most CIs a metric question reads figures for. */
	static final int MAX_METRIC_CIS = 20_000;

	private final JdbcClient jdbc;

	private final @Nullable MetricSummaries summaries;

	JdbcPlanQueries(JdbcClient jdbc, @Nullable MetricSummaries summaries) {
		this.jdbc = jdbc;
		this.summaries = summaries;
	}

	// a group shows the value as the CMDB writes it (filters compare cost centres and owners case-blind)
	private static Map<Field, String> groups() {
		Map<Field, String> groups = new java.util.EnumMap<>(Field.class);
		for (Field field : List.of(Field.TYPE, Field.STATUS, Field.ENVIRONMENT, Field.DEPARTMENT, Field.OS, Field.LOCATION,
				Field.ENGINE)) {
			groups.put(field, COLUMNS.get(field));
		}
		// software has a vendor where hardware has a manufacturer: "count software by vendor"
		groups.put(Field.MANUFACTURER, "coalesce(c.attributes->>'manufacturer', c.attributes->>'vendor')");
		groups.put(Field.COST_CENTER, "c.custom_fields->>'cost_center'");
		groups.put(Field.OWNER, "c.custom_fields->>'owner'");
		groups.put(Field.SITE, "nullif(split_part(c.attributes->>'location', '-', 1), '')");
		groups.put(Field.MEMORY_GB, COLUMNS.get(Field.MEMORY_GB));
		groups.put(Field.CPU_CORES, COLUMNS.get(Field.CPU_CORES));
		groups.put(Field.DISK_GB, COLUMNS.get(Field.DISK_GB));
		return Map.copyOf(groups);
	}

	private static String number(String attribute) {
		return "CASE WHEN jsonb_typeof(c.attributes->'" + attribute + "') = 'number' THEN (c.attributes->>'" + attribute
				+ "')::numeric END";
	}

	List<Map<String, @Nullable Object>> run(QueryPlan plan, Instant asOf) {
		List<Object> parameters = new ArrayList<>();
		String where = where(plan.filters(), plan.relation(), parameters);
		if (plan.events() != null) {
			return new JdbcEventQueries(this.jdbc).run(plan, plan.events(), asOf);
		}
		if (plan.metric() != null && plan.answerType() == QueryPlan.AnswerType.GROUP) {
			List<String> meeting = new MetricAnswers(plan, plan.metric())
				.meeting(figures(plan.metric(), where, parameters, asOf));
			List<Object> grouped = new ArrayList<>(parameters);
			grouped.add(meeting.toArray(String[]::new));
			return group(plan, where + " AND c.id = ANY(?)", grouped);
		}
		if (plan.metric() != null) {
			return new MetricAnswers(plan, plan.metric()).answer(figures(plan.metric(), where, parameters, asOf));
		}
		return switch (plan.answerType()) {
			case COUNT -> List.of(Map.of("count", count(where, parameters)));
			case GROUP -> group(plan, where, parameters);
			default -> list(plan, where, parameters);
		};
	}

	/** The CIs the plan's filters and hop select, as list rows (at most {@link #MAX_ROWS}). */
	List<Map<String, @Nullable Object>> cis(QueryPlan plan) {
		List<Object> parameters = new ArrayList<>();
		String where = where(plan.filters(), plan.relation(), parameters);
		return list(plan, where, parameters);
	}

	/** The window's figures of the metric for each CI the filters select (CIs without samples are left out). */
	private List<MetricSummary> figures(MetricClause metric, String where, List<Object> parameters, Instant asOf) {
		List<String> ids = statement("SELECT c.id FROM configuration_item c WHERE " + where + " ORDER BY c.name LIMIT "
				+ MAX_METRIC_CIS, parameters).query(String.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		return java.util.Objects.requireNonNull(this.summaries).summarize(new MetricSummaryQuery(List.of(metric.metric()), ids, null,
				asOf.minus(metric.window()), asOf));
	}

	long count(String where, List<Object> parameters) {
		return statement("SELECT count(*) FROM configuration_item c WHERE " + where, parameters).query(Long.class)
			.single();
	}

	List<Map<String, @Nullable Object>> group(QueryPlan plan, String where, List<Object> parameters) {
		String column = GROUPS.get(plan.groupBy());
		if (column == null) {
			throw new QueryNotUnderstoodException("Cannot group by " + plan.groupBy(), QuestionReader.SUGGESTIONS);
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		// CIs without a value for the field belong to no group
		statement("SELECT " + column + " AS g, count(*) AS n FROM configuration_item c WHERE " + where + " AND "
				+ column + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", parameters)
			.query((rs, i) -> {
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("group", rs.getString("g"));
				row.put("count", rs.getLong("n"));
				return row;
			})
			.list()
			.forEach(rows::add);
		return rows;
	}

	List<Map<String, @Nullable Object>> list(QueryPlan plan, String where, List<Object> parameters) {
		List<Field> shown = plan.filters().stream().map(Condition::field).distinct()
			.filter((f) -> f != Field.TYPE && f != Field.STATUS && f != Field.VIRTUAL && f != Field.IP_ADDRESS
					&& f != Field.NAME && f != Field.ROLE)
			.toList();
		return statement("SELECT c.id, c.name, c.type, c.status, c.attributes::text AS attributes, "
				+ "c.custom_fields::text AS custom_fields FROM configuration_item c WHERE " + where
				+ " ORDER BY c.name, c.id LIMIT " + MAX_ROWS, parameters)
			.query((rs, i) -> {
				Map<String, @Nullable Object> row = ciRow(rs);
				Map<String, Object> attributes = Json.object(rs.getString("attributes"));
				Map<String, Object> custom = Json.object(rs.getString("custom_fields"));
				for (Field field : shown) {
					String key = field.key();
					row.put(key, attributes.containsKey(key) ? attributes.get(key) : custom.get(key));
				}
				return row;
			})
			.list();
	}

	/** A CI row as every CI answer starts: {@code ci_id}, {@code name}, {@code type}, {@code status}. */
	static Map<String, @Nullable Object> ciRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("ci_id", rs.getString("id"));
		row.put("name", rs.getString("name"));
		row.put("type", rs.getString("type"));
		row.put("status", rs.getString("status"));
		return row;
	}

	JdbcClient.StatementSpec statement(String sql, List<Object> parameters) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Object parameter : parameters) {
			statement = statement.param(parameter);
		}
		return statement;
	}

	static String where(List<Condition> filters, @Nullable RelationClause relation, List<Object> parameters) {
		String where = where(filters, parameters);
		return (relation == null) ? where : where + " AND " + relation(relation, parameters);
	}

	/**
	 * The CIs a hop reaches from its anchors. Transitive hops follow relationships from the anchors until nothing
	 * new is reached ({@code UNION} stops at cycles); the anchors themselves are not part of the answer. Links the
	 * process-connection inference proposed ({@code discovered_by = 'ai_agent'}) are evidence, not the recorded
	 * graph, and are not followed, as the relationship list leaves them out unless asked.
	 */
	private static String relation(RelationClause relation, List<Object> parameters) {
		String[] types = relation.types().toArray(String[]::new);
		String[] anchors = relation.anchors().toArray(String[]::new);
		if (RelationClause.EITHER.equals(relation.answer())) {
			parameters.add(types);
			parameters.add(anchors);
			parameters.add(types);
			parameters.add(anchors);
			return "c.id IN (SELECT r.source_id FROM relationship r JOIN configuration_item a ON a.id = r.target_id"
					+ " WHERE r.type = ANY(?) AND a.name = ANY(?) AND r.discovered_by <> 'ai_agent'"
					+ " UNION SELECT r.target_id FROM relationship r JOIN configuration_item a ON a.id = r.source_id"
					+ " WHERE r.type = ANY(?) AND a.name = ANY(?) AND r.discovered_by <> 'ai_agent')";
		}
		boolean sources = RelationClause.SOURCES.equals(relation.answer());
		String near = sources ? "target_id" : "source_id";
		String far = sources ? "source_id" : "target_id";
		if (!relation.transitive()) {
			parameters.add(types);
			parameters.add(anchors);
			return "c.id IN (SELECT r." + far + " FROM relationship r JOIN configuration_item a ON a.id = r." + near
					+ " WHERE r.type = ANY(?) AND a.name = ANY(?) AND r.discovered_by <> 'ai_agent')";
		}
		parameters.add(anchors);
		parameters.add(types);
		parameters.add(anchors);
		return "c.id IN (WITH RECURSIVE reached(id) AS (SELECT a.id FROM configuration_item a WHERE a.name = ANY(?)"
				+ " UNION SELECT r." + far + " FROM relationship r JOIN reached ON r." + near + " = reached.id"
				+ " WHERE r.type = ANY(?) AND r.discovered_by <> 'ai_agent') SELECT id FROM reached) AND c.name <> ALL(?)";
	}

	static String where(List<Condition> filters, List<Object> parameters) {
		List<String> clauses = new ArrayList<>();
		// the inventory is what people manage: a CI that a scan created and nobody has touched since (an unknown
		// device found by a network scan) is discovered, not yet confirmed, and left out
		clauses.add("NOT (c.created_by IS NOT DISTINCT FROM 'discovery' AND coalesce(c.updated_by, 'discovery') = 'discovery')");
		for (Condition condition : filters) {
			String clause = clause(condition, parameters);
			clauses.add(condition.negated() ? "NOT coalesce((" + clause + "), false)" : clause);
		}
		return String.join(" AND ", clauses);
	}

	private static String clause(Condition condition, List<Object> parameters) {
		Field field = condition.field();
		if (field == Field.VIRTUAL) {
			parameters.add(VIRTUAL_MODEL);
			boolean virtual = Boolean.TRUE.equals(condition.values().get(0));
			return virtual ? "c.attributes->>'model' = ?" : "c.attributes->>'model' IS DISTINCT FROM ?";
		}
		if (field == Field.ROLE) {
			parameters.add("%-" + like(String.valueOf(condition.values().get(0)).toUpperCase(java.util.Locale.ROOT)) + "-%");
			return "upper(c.name) LIKE ?";
		}
		if (field == Field.IP_ADDRESS) {
			parameters.add(condition.values().get(0));
			return "? = ANY(c.ip_addresses)";
		}
		String column = COLUMNS.get(field);
		switch (condition.operator()) {
			case "in" -> {
				parameters.add(condition.values().stream().map(String::valueOf).toArray(String[]::new));
				return column + " = ANY(?)";
			}
			case "starts_with" -> {
				// a prefix ends with its separator (DC1-); a value without one is compared whole (DC2-RACK-18)
				parameters.add(condition.values()
					.stream()
					.map((v) -> like(String.valueOf(v)) + (String.valueOf(v).endsWith("-") ? "%" : ""))
					.toArray(String[]::new));
				return column + " LIKE ANY(?)";
			}
			case "=", "<", "<=", ">", ">=" -> {
				Object value = condition.values().get(0);
				parameters.add((value instanceof Double d) ? java.math.BigDecimal.valueOf(d) : value);
				return column + " " + condition.operator() + " ?";
			}
			default -> throw new IllegalStateException("operator " + condition.operator());
		}
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
