package io.nopesight.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the CMDB for the inventory report, read-only and straight from core's {@code configuration_item} table (as
 * nlq does): the CMDB's interface lists CIs by type and status in name order, and a grouped inventory needs them
 * filtered by environment and period and sorted by the group they fall in, a hundred thousand of them streamed
 * through a cursor rather than paged through a sort each time. Every value is bound; the grouping picks one of
 * the fixed expressions below.
 */
@Repository
class JdbcInventoryReads {

	/** What each grouping groups by: a location by its site, the part before the first dash (DC1-RACK-11: DC1). */
	private static final Map<String, String> GROUP_KEYS = Map.of("location",
			"coalesce(nullif(split_part(c.attributes->>'location', '-', 1), ''), '(no location)')", "type", "c.type",
			"department", "coalesce(nullif(c.custom_fields->>'department', ''), '(no department)')", "environment",
			"coalesce(nullif(c.custom_fields->>'environment', ''), '(no environment)')");

	private static final String WHERE = """
			WHERE ((c.created_at >= :from AND c.created_at < :to) OR (c.updated_at >= :from AND c.updated_at < :to))
			  AND (CAST(:type AS text) IS NULL OR c.type = :type)
			  AND (CAST(:environment AS text) IS NULL OR lower(c.custom_fields->>'environment') = lower(:environment))
			""";

	private static final String COUNTS = "SELECT %s AS group_key, count(*) AS n FROM configuration_item c " + WHERE
			+ " GROUP BY 1 ORDER BY n DESC, 1";

	private static final String ROWS = """
			SELECT %s AS group_key, c.name, c.type, c.status, c.custom_fields->>'environment' AS environment,
			       c.attributes->>'location' AS location, c.custom_fields->>'department' AS department, c.updated_at
			FROM configuration_item c
			""" + WHERE + " ORDER BY 1, lower(c.name), c.id";

	private static final String TYPE_EXISTS = "SELECT EXISTS (SELECT 1 FROM configuration_item WHERE type = :type)";

	private static final String CIS_OF_TYPE = """
			SELECT c.id, c.name, c.custom_fields->>'environment' AS environment, c.attributes->>'location' AS location
			FROM configuration_item c
			WHERE c.type = :type AND c.status <> 'inactive'
			  AND (CAST(:environment AS text) IS NULL OR lower(c.custom_fields->>'environment') = lower(:environment))
			ORDER BY lower(c.name), c.id
			""";

	private static final int FETCH_SIZE = 1000;

	private static final RowMapper<InventoryRow> ROW = (rs, n) -> new InventoryRow(rs.getString("group_key"),
			rs.getString("name"), rs.getString("type"), rs.getString("status"), rs.getString("environment"),
			rs.getString("location"), rs.getString("department"), instant(rs, "updated_at"));

	private final JdbcClient jdbc;

	// a cursor: PostgreSQL sends rows a fetch at a time only with a fetch size, inside a transaction
	private final JdbcClient streaming;

	JdbcInventoryReads(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
	}

	boolean typeExists(String type) {
		return this.jdbc.sql(TYPE_EXISTS).param("type", type).query(Boolean.class).single();
	}

	List<GroupCount> counts(InventoryFilter filter) {
		return bind(this.jdbc.sql(COUNTS.formatted(groupKey(filter))), filter)
			.query((rs, n) -> new GroupCount(rs.getString("group_key"), rs.getLong("n")))
			.list();
	}

	/**
	 * The CIs in group order, streamed: call inside a transaction and close the stream.
	 */
	Stream<InventoryRow> rows(InventoryFilter filter) {
		return bind(this.streaming.sql(ROWS.formatted(groupKey(filter))), filter).query(ROW).stream();
	}

	/** The active CIs of a type (and environment), for the capacity report. */
	List<CiRef> cisOfType(String type, @Nullable String environment) {
		return this.jdbc.sql(CIS_OF_TYPE)
			.param("type", type)
			.param("environment", environment)
			.query((rs, n) -> new CiRef(rs.getString("id"), rs.getString("name"), rs.getString("environment"),
					rs.getString("location")))
			.list();
	}

	private static String groupKey(InventoryFilter filter) {
		String key = GROUP_KEYS.get(filter.grouping());
		if (key == null) {
			throw new IllegalArgumentException("No inventory grouping '" + filter.grouping() + "'");
		}
		return key;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, InventoryFilter filter) {
		return statement.param("from", OffsetDateTime.ofInstant(filter.from(), java.time.ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(filter.to(), java.time.ZoneOffset.UTC))
			.param("type", filter.type())
			.param("environment", filter.environment());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** Which CIs, grouped how. */
	record InventoryFilter(@Nullable String type, @Nullable String environment, String grouping, Instant from,
			Instant to) {
	}

	/** How many CIs one group has. */
	record GroupCount(String group, long count) {
	}

	/** A CI as the capacity report names it. */
	record CiRef(String id, String name, @Nullable String environment, @Nullable String location) {
	}

}
