package io.nopesight.core.metric;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.InvalidInputException;

/**
 * Summaries over the roll-ups for whole hours and over raw samples for the partial hours at the edges.
 */
@Repository
class JdbcMetricSummaries implements MetricSummaries {

	// one lateral aggregate per series, each a few index range scans: the cost stays linear in the
	// number of series whatever the planner's row estimates
	private static final String SUMMARY = """
			SELECT s.ci_id, c.name, c.type, s.metric, a.n AS samples, a.total, a.min, a.max
			FROM metric_series s
			JOIN configuration_item c ON c.id = s.ci_id
			CROSS JOIN LATERAL (
			    SELECT sum(p.n) AS n, sum(p.total) AS total, min(p.min) AS min, max(p.max) AS max
			    FROM (SELECT h.count::bigint AS n, h.sum AS total, h.min, h.max
			          FROM metric_hourly h
			          WHERE h.series_id = s.id AND h.hour >= :hoursFrom AND h.hour < :hoursTo
			          UNION ALL
			          SELECT 1, m.value, m.value, m.value FROM metric_sample m
			          WHERE m.series_id = s.id AND m.ts >= :from AND m.ts < :hoursFrom
			          UNION ALL
			          SELECT 1, m.value, m.value, m.value FROM metric_sample m
			          WHERE m.series_id = s.id AND m.ts >= :hoursTo AND m.ts < :to) p) a
			WHERE s.metric = ANY(:metrics) AND a.n > 0 %s
			ORDER BY c.name, s.ci_id, s.metric
			""";

	// several series of one CI and metric (label sets) fold into one summary
	private static final String BY_CI = """
			SELECT ci_id, name, type, metric, sum(samples) AS samples, sum(total) / sum(samples) AS avg,
			       min(min) AS min, max(max) AS max
			FROM (%s) x GROUP BY ci_id, name, type, metric ORDER BY name, ci_id, metric
			""";

	private static final RowMapper<MetricSummary> SUMMARY_ROW = (rs, n) -> new MetricSummary(rs.getString("ci_id"),
			rs.getString("name"), rs.getString("type"), rs.getString("metric"), rs.getLong("samples"),
			rs.getDouble("avg"), rs.getDouble("min"), rs.getDouble("max"));

	private final JdbcClient jdbc;

	JdbcMetricSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricSummary> summarize(MetricSummaryQuery query) {
		if (!query.from().isBefore(query.to())) {
			throw new InvalidInputException("from", "'from' must be before 'to'");
		}
		if (query.metrics().isEmpty()) {
			throw new InvalidInputException("metric", "At least one metric is required");
		}
		Instant hoursFrom = ceilHour(query.from());
		Instant hoursTo = query.to().truncatedTo(ChronoUnit.HOURS);
		if (!hoursFrom.isBefore(hoursTo)) {
			// no whole hour inside the window: read it all from the raw samples
			hoursFrom = query.to();
			hoursTo = query.to();
		}
		String filter = ((query.ciIds() != null) ? " AND s.ci_id = ANY(:ciIds)" : "")
				+ ((query.ciType() != null) ? " AND c.type = :type" : "");
		JdbcClient.StatementSpec statement = this.jdbc.sql(BY_CI.formatted(SUMMARY.formatted(filter)))
			.param("metrics", query.metrics().toArray(String[]::new))
			.param("from", Timestamp.from(query.from()))
			.param("to", Timestamp.from(query.to()))
			.param("hoursFrom", Timestamp.from(hoursFrom))
			.param("hoursTo", Timestamp.from(hoursTo));
		if (query.ciIds() != null) {
			statement = statement.param("ciIds", query.ciIds().toArray(String[]::new));
		}
		if (query.ciType() != null) {
			statement = statement.param("type", query.ciType());
		}
		return statement.query(SUMMARY_ROW).list();
	}

	private static Instant ceilHour(Instant instant) {
		Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
		return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
	}

}
