package io.nopesight.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events report's tallies, read-only from correlation's {@code event} table (and the CMDB's names for CIs):
 * correlation's {@code Events} lists events a page at a time, and the report needs them counted by severity,
 * source, CI and hour or day over a period that may hold millions. Every value is bound; the bucket is one of two
 * fixed words.
 */
@Repository
class JdbcEventReads {

	private static final String WHERE = """
			WHERE e.created_at >= :from AND e.created_at < :to AND e.severity IN (:severities)
			  AND (CAST(:source AS text) IS NULL OR e.source = :source)
			""";

	private static final String BY_SEVERITY = """
			SELECT e.severity AS key, count(*) AS events, sum(e.count) AS occurrences,
			       count(*) FILTER (WHERE e.status <> 'resolved') AS unresolved
			FROM event e
			""" + WHERE + " GROUP BY e.severity";

	private static final String BY_SOURCE = """
			SELECT e.source AS key, count(*) AS events, sum(e.count) AS occurrences,
			       count(*) FILTER (WHERE e.severity IN ('critical', 'high')) AS unresolved
			FROM event e
			""" + WHERE + " GROUP BY e.source ORDER BY events DESC, e.source LIMIT :limit";

	private static final String BY_CI = """
			SELECT coalesce(c.name, t.ci) AS name, coalesce(c.type, '') AS type, t.events, t.occurrences, t.worst
			FROM (SELECT ci, count(*) AS events, sum(e.count) AS occurrences,
			             max(CASE e.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS worst
			      FROM event e CROSS JOIN LATERAL unnest(e.affected_cis) AS ci
			""" + WHERE + """
			      GROUP BY ci ORDER BY events DESC, ci LIMIT :limit) t
			LEFT JOIN configuration_item c ON c.id = t.ci
			ORDER BY t.events DESC, name
			""";

	private static final String TIMELINE = """
			SELECT date_trunc(:bucket, e.created_at AT TIME ZONE :zone) AS bucket, e.severity, count(*) AS events
			FROM event e
			""" + WHERE + " GROUP BY 1, 2 ORDER BY 1";

	private final JdbcClient jdbc;

	JdbcEventReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Tally> bySeverity(EventFilter filter) {
		return bind(this.jdbc.sql(BY_SEVERITY), filter).query((rs, n) -> new Tally(rs.getString("key"),
				rs.getLong("events"), rs.getLong("occurrences"), rs.getLong("unresolved"))).list();
	}

	/** The sources with the most events, each with how many of them were critical or high. */
	List<Tally> bySource(EventFilter filter, int limit) {
		return bind(this.jdbc.sql(BY_SOURCE), filter).param("limit", limit)
			.query((rs, n) -> new Tally(rs.getString("key"), rs.getLong("events"), rs.getLong("occurrences"),
					rs.getLong("unresolved")))
			.list();
	}

	List<CiTally> byCi(EventFilter filter, int limit) {
		return bind(this.jdbc.sql(BY_CI), filter).param("limit", limit)
			.query((rs, n) -> new CiTally(rs.getString("name"), rs.getString("type"), rs.getLong("events"),
					rs.getLong("occurrences"), rs.getInt("worst")))
			.list();
	}

	/** Events per severity per hour or day, the buckets cut in {@code zone}. */
	List<Bucket> timeline(EventFilter filter, boolean hourly, ZoneId zone) {
		return bind(this.jdbc.sql(TIMELINE), filter).param("bucket", hourly ? "hour" : "day")
			.param("zone", zone.getId())
			.query((rs, n) -> new Bucket(rs.getObject("bucket", LocalDateTime.class).atZone(zone)
				.toInstant(), rs.getString("severity"), rs.getLong("events")))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, EventFilter filter) {
		return statement.param("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC))
			.param("severities", filter.severities())
			.param("source", filter.source());
	}

	/** Which events: created in {@code [from, to)}, of these severities, from this source when set. */
	record EventFilter(Instant from, Instant to, List<String> severities, @Nullable String source) {
	}

	/** Events of one severity or source: how many, how often they were reported, and the third figure named. */
	record Tally(String key, long events, long occurrences, long third) {
	}

	/** A CI's events: how many, and the worst severity (4 critical down to 1 low). */
	record CiTally(String name, String type, long events, long occurrences, int worst) {
	}

	/** Events of one severity in one hour or day. */
	record Bucket(Instant start, String severity, long events) {
	}

}
