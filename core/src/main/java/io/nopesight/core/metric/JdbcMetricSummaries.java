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

	private static final String SUMMARY = """
			WITH series AS (
			    SELECT s.id, s.ci_id, s.metric, c.name, c.type
			    FROM metric_series s JOIN configuration_item c ON c.id = s.ci_id
			    WHERE s.metric = ANY(:metrics) %s),
			parts AS (
			    SELECT h.series_id, h.count::bigint AS n, h.sum, h.min, h.max
			    FROM metric_hourly h WHERE h.series_id IN (SELECT id FROM series) AND h.hour >= :hoursFrom AND h.hour < :hoursTo
			    UNION ALL
			    SELECT m.series_id, 1, m.value, m.value, m.value
			    FROM metric_sample m
			    WHERE m.series_id IN (SELECT id FROM series)
			      AND ((m.ts >= :from AND m.ts < :hoursFrom) OR (m.ts >= :hoursTo AND m.ts < :to)))
			SELECT series.ci_id, series.name, series.type, series.metric, sum(p.n) AS samples,
			       sum(p.sum) / sum(p.n) AS avg, min(p.min) AS min, max(p.max) AS max
			FROM parts p JOIN series ON series.id = p.series_id
			GROUP BY series.ci_id, series.name, series.type, series.metric
			ORDER BY series.name, series.ci_id, series.metric
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
		JdbcClient.StatementSpec statement = this.jdbc.sql(SUMMARY.formatted(filter))
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
