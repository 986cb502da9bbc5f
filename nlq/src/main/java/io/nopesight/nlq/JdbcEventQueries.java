package io.nopesight.nlq;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a plan that asks about events: the events themselves (filtered by severity, status, source, window,
 * and the kind of CI they affect), or the CIs that have such events. Fixed SQL fragments, bound values.
 */
final class JdbcEventQueries {

	private static final Map<String, String> GROUPS = Map.of("severity", "e.severity", "source", "e.source", "status",
			"e.status");

	private final JdbcClient jdbc;

	JdbcEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Map<String, @Nullable Object>> run(QueryPlan plan, EventClause events, Instant asOf) {
		JdbcPlanQueries cis = new JdbcPlanQueries(this.jdbc, null);
		List<Object> parameters = new ArrayList<>();
		if (events.ofCis() && events.top() != null) {
			return mostEvents(plan, events, asOf, cis);
		}
		if (events.ofCis()) {
			String where = JdbcPlanQueries.where(plan.filters(), plan.relation(), parameters)
					+ " AND EXISTS (SELECT 1 FROM event e WHERE c.id = ANY(e.affected_cis) AND "
					+ eventWhere(events, asOf, parameters) + ")";
			return switch (plan.answerType()) {
				case COUNT -> List.of(Map.of("count", cis.count(where, parameters)));
				case GROUP -> cis.group(plan, where, parameters);
				default -> cis.list(plan, where, parameters);
			};
		}
		String where = eventWhere(events, asOf, parameters);
		List<Condition> ciFilters = plan.filters();
		if (!ciFilters.isEmpty() || plan.relation() != null) {
			where += " AND EXISTS (SELECT 1 FROM configuration_item c WHERE c.id = ANY(e.affected_cis) AND "
					+ JdbcPlanQueries.where(ciFilters, plan.relation(), parameters) + ")";
		}
		if (plan.answerType() == QueryPlan.AnswerType.COUNT) {
			return List.of(Map.of("count", cis.statement("SELECT count(*) FROM event e WHERE " + where, parameters)
				.query(Long.class)
				.single()));
		}
		if (plan.answerType() == QueryPlan.AnswerType.GROUP && plan.eventGroup() != null) {
			String column = GROUPS.get(plan.eventGroup());
			return cis.statement("SELECT " + column + " AS g, count(*) AS n FROM event e WHERE " + where
					+ " GROUP BY 1 ORDER BY 2 DESC, 1", parameters).query((rs, i) -> {
						Map<String, @Nullable Object> row = new LinkedHashMap<>();
						row.put("group", rs.getString("g"));
						row.put("count", rs.getLong("n"));
						return row;
					}).list();
		}
		return cis.statement("SELECT e.id, e.source_id, e.title, e.severity, e.status, e.source, e.created_at"
				+ " FROM event e WHERE " + where + " ORDER BY e.created_at DESC, e.id LIMIT " + JdbcPlanQueries.MAX_ROWS,
				parameters).query((rs, i) -> {
					Map<String, @Nullable Object> row = new LinkedHashMap<>();
					row.put("id", rs.getString("id"));
					row.put("source_id", rs.getString("source_id"));
					row.put("title", rs.getString("title"));
					row.put("severity", rs.getString("severity"));
					row.put("status", rs.getString("status"));
					row.put("source", rs.getString("source"));
					row.put("created_at", rs.getTimestamp("created_at").toInstant());
					return row;
				}).list();
	}

	/** The CIs with the most matching events, most first, ties by name. */
	private static List<Map<String, @Nullable Object>> mostEvents(QueryPlan plan, EventClause events, Instant asOf,
			JdbcPlanQueries cis) {
		List<Object> parameters = new ArrayList<>();
		String where = JdbcPlanQueries.where(plan.filters(), plan.relation(), parameters) + " AND "
				+ eventWhere(events, asOf, parameters);
		parameters.add(events.top());
		return cis.statement("SELECT c.id, c.name, c.type, c.status, count(*) AS n FROM configuration_item c"
				+ " JOIN event e ON c.id = ANY(e.affected_cis) WHERE " + where
				+ " GROUP BY c.id, c.name, c.type, c.status ORDER BY n DESC, c.name, c.id LIMIT ?", parameters)
			.query((rs, i) -> {
				Map<String, @Nullable Object> row = JdbcPlanQueries.ciRow(rs);
				row.put("event_count", rs.getLong("n"));
				return row;
			})
			.list();
	}

	private static String eventWhere(EventClause events, Instant asOf, List<Object> parameters) {
		List<String> clauses = new ArrayList<>();
		clauses.add("TRUE");
		if (!events.severities().isEmpty()) {
			clauses.add("e.severity = ANY(?)");
			parameters.add(events.severities().toArray(String[]::new));
		}
		if (!events.statuses().isEmpty()) {
			clauses.add("e.status = ANY(?)");
			parameters.add(events.statuses().toArray(String[]::new));
		}
		if (!events.sources().isEmpty()) {
			clauses.add("e.source = ANY(?)");
			parameters.add(events.sources().toArray(String[]::new));
		}
		if (events.window() != null) {
			clauses.add("e.created_at >= ? AND e.created_at < ?");
			parameters.add(Timestamp.from(asOf.minus(events.window())));
			parameters.add(Timestamp.from(asOf));
		}
		return String.join(" AND ", clauses);
	}

}
