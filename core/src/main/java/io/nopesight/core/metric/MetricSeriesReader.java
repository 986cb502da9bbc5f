package io.nopesight.core.metric;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nopesight.core.InvalidInputException;

/**
 * Reads the series of one CI: raw samples and 5-minute buckets from the sample partitions, hours and
 * days from the roll-ups.
 */
@Component
class MetricSeriesReader {

	/** The most points one read returns; a wider window needs a coarser step. */
	static final int MAX_POINTS = 100_000;

	private static final String RAW = """
			SELECT s.id, s.labels::text AS labels, m.ts AS t, m.value AS v
			FROM metric_series s JOIN metric_sample m ON m.series_id = s.id
			WHERE s.ci_id = :ci AND s.metric = :metric AND m.ts >= :from AND m.ts < :to
			ORDER BY s.id, m.ts
			""";

	private static final String FIVE_MINUTES = """
			SELECT s.id, s.labels::text AS labels, date_bin('5 minutes', m.ts, timestamptz '2000-01-01 00:00:00+00') AS t,
			       %s(m.value) AS v
			FROM metric_series s JOIN metric_sample m ON m.series_id = s.id
			WHERE s.ci_id = :ci AND s.metric = :metric AND m.ts >= :from AND m.ts < :to
			GROUP BY 1, 2, 3 ORDER BY 1, 3
			""";

	private static final String HOURS = """
			SELECT s.id, s.labels::text AS labels, date_trunc(:unit, h.hour, 'UTC') AS t, %s AS v
			FROM metric_series s JOIN metric_hourly h ON h.series_id = s.id
			WHERE s.ci_id = :ci AND s.metric = :metric AND h.hour >= :from AND h.hour < :to
			GROUP BY 1, 2, 3 ORDER BY 1, 3
			""";

	private final JdbcClient jdbc;

	MetricSeriesReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<MetricSeries> read(MetricSeriesQuery query) {
		if (!query.from().isBefore(query.to())) {
			throw new InvalidInputException("from", "'from' must be before 'to'");
		}
		MetricStep step = query.step();
		if (step != MetricStep.RAW && Duration.between(query.from(), query.to()).dividedBy(step.width()) > MAX_POINTS) {
			throw new InvalidInputException("step", "Too many points: use a coarser step or a shorter window");
		}
		String sql;
		Instant from = query.from();
		JdbcClient.StatementSpec statement;
		switch (step) {
			case RAW -> statement = this.jdbc.sql(RAW + " LIMIT " + (MAX_POINTS + 1));
			case FIVE_MINUTES -> statement = this.jdbc.sql(FIVE_MINUTES.formatted(query.aggregation().value()));
			default -> {
				sql = HOURS.formatted(rollup(query.aggregation()));
				from = from.truncatedTo((step == MetricStep.DAY) ? ChronoUnit.DAYS : ChronoUnit.HOURS);
				statement = this.jdbc.sql(sql).param("unit", (step == MetricStep.DAY) ? "day" : "hour");
			}
		}
		Map<Integer, MetricSeries> series = new LinkedHashMap<>();
		int[] points = { 0 };
		statement.param("ci", query.ciId())
			.param("metric", query.metric())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(query.to()))
			.query((rs) -> {
				if (++points[0] > MAX_POINTS) {
					throw new InvalidInputException("to", "More than " + MAX_POINTS
							+ " raw samples in the window: use a coarser step or a shorter window");
				}
				MetricSeries current = series.computeIfAbsent(rs.getInt("id"), (id) -> {
					try {
						return new MetricSeries(query.ciId(), query.metric(),
								JdbcMetricSeriesRepository.labels(rs.getString("labels")), new ArrayList<>());
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				current.points().add(new MetricSeries.Point(rs.getTimestamp("t").toInstant(), rs.getDouble("v")));
			});
		return series.values()
			.stream()
			.map((s) -> new MetricSeries(s.ciId(), s.metric(), s.labels(), List.copyOf(s.points())))
			.toList();
	}

	private static String rollup(MetricAggregation aggregation) {
		return switch (aggregation) {
			case AVG -> "sum(h.sum) / sum(h.count)";
			case MIN -> "min(h.min)";
			case MAX -> "max(h.max)";
		};
	}

}
