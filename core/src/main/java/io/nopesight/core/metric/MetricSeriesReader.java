package io.nopesight.core.metric;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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

	/** The most raw samples one read returns, and the most buckets per series; a wider window needs a coarser step. */
	static final int MAX_POINTS = 100_000;

	private static final String RAW = """
			SELECT s.id, s.ci_id, s.labels::text AS labels, m.ts AS t, m.value AS v
			FROM metric_series s JOIN metric_sample m ON m.series_id = s.id
			WHERE s.ci_id = ANY(:ci) AND s.metric = :metric AND m.ts >= :from AND m.ts < :to
			ORDER BY s.id, m.ts
			""";

	private static final String FIVE_MINUTES = """
			SELECT s.id, s.ci_id, s.labels::text AS labels,
			       date_bin('5 minutes', m.ts, timestamptz '2000-01-01 00:00:00+00') AS t, %s(m.value) AS v
			FROM metric_series s JOIN metric_sample m ON m.series_id = s.id
			WHERE s.ci_id = ANY(:ci) AND s.metric = :metric AND m.ts >= :from AND m.ts < :to
			GROUP BY 1, 2, 3, 4 ORDER BY 1, 4
			""";

	private static final String SERIES = """
			SELECT id, ci_id, labels::text AS labels FROM metric_series
			WHERE ci_id = ANY(:ci) AND metric = :metric ORDER BY ci_id, id
			""";

	// One roll-up row per series and hour: no grouping, index-only scans. No ORDER BY: each monthly
	// partition's scan already yields series/time order and the partitions come oldest first, so every
	// series' points arrive in time order (PointList.Builder checks) without a Merge Append over 720 000
	// rows. date_part returns double precision; extract() returns numeric since PostgreSQL 14, and
	// converting numeric to int8 per row cost more than the scan.
	private static final String HOURS = """
			SELECT h.series_id AS id, date_part('epoch', h.hour)::int8 AS t, %s AS v
			FROM metric_hourly h
			WHERE h.series_id = ANY(:ids) AND h.hour >= :from AND h.hour < :to
			""";

	private static final String DAYS = """
			SELECT h.series_id AS id, date_part('epoch', date_trunc('day', h.hour, 'UTC'))::int8 AS t, %s AS v
			FROM metric_hourly h
			WHERE h.series_id = ANY(:ids) AND h.hour >= :from AND h.hour < :to
			GROUP BY 1, 2
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
		if (step == MetricStep.HOUR || step == MetricStep.DAY) {
			return fromRollups(query);
		}
		Map<Integer, MetricSeries> series = new LinkedHashMap<>();
		int[] points = { 0 };
		JdbcClient.StatementSpec statement = (step == MetricStep.RAW)
				? this.jdbc.sql(RAW + " LIMIT " + (MAX_POINTS + 1))
				: this.jdbc.sql(FIVE_MINUTES.formatted(query.aggregation().value()));
		statement.param("ci", query.ciIds().toArray(String[]::new))
			.param("metric", query.metric())
			.param("from", Timestamp.from(query.from()))
			.param("to", Timestamp.from(query.to()))
			.query((rs) -> {
				if (step == MetricStep.RAW && ++points[0] > MAX_POINTS) {
					throw new InvalidInputException("to", "More than " + MAX_POINTS
							+ " raw samples in the window: use a coarser step or a shorter window");
				}
				int id = rs.getInt("id");
				MetricSeries current = series.get(id);
				if (current == null) {
					current = new MetricSeries(rs.getString("ci_id"), query.metric(),
							JdbcMetricSeriesRepository.labels(rs.getString("labels")), new ArrayList<>());
					series.put(id, current);
				}
				current.points().add(new MetricSeries.Point(rs.getTimestamp("t").toInstant(), rs.getDouble("v")));
			});
		return series.values()
			.stream()
			.map((s) -> new MetricSeries(s.ciId(), s.metric(), s.labels(), List.copyOf(s.points())))
			.toList();
	}

	private List<MetricSeries> fromRollups(MetricSeriesQuery query) {
		Map<Integer, MetricSeries> series = new LinkedHashMap<>();
		this.jdbc.sql(SERIES)
			.param("ci", query.ciIds().toArray(String[]::new))
			.param("metric", query.metric())
			.query((rs) -> {
				series.put(rs.getInt("id"), new MetricSeries(rs.getString("ci_id"), query.metric(),
						JdbcMetricSeriesRepository.labels(rs.getString("labels")), List.of()));
			});
		if (series.isEmpty()) {
			return List.of();
		}
		boolean days = query.step() == MetricStep.DAY;
		Instant from = query.from().truncatedTo(days ? ChronoUnit.DAYS : ChronoUnit.HOURS);
		// room for a month of hours per series up front; longer series grow
		int expected = (int) Math.min(1_024, Duration.between(from, query.to()).dividedBy(query.step().width()) + 1);
		Map<Integer, PointList.Builder> points = new HashMap<>();
		// No fetch size: a cursor made the server and this side take turns (measured: the whole call ~500 ms
		// over the SQL through the driver); read in one go, the driver parses while the server still sends.
		// Rows come in runs of one series: the builder is looked up once per run, not once per row.
		PointList.Builder[] current = { null };
		int[] currentId = { 0 };
		this.jdbc.sql(days ? DAYS.formatted(rollup(query.aggregation())) : HOURS.formatted(hour(query.aggregation())))
			.param("ids", series.keySet().stream().mapToInt(Integer::intValue).toArray())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(query.to()))
			.query((rs) -> {
				int id = rs.getInt(1);
				if (current[0] == null || id != currentId[0]) {
					currentId[0] = id;
					current[0] = points.computeIfAbsent(id, (k) -> new PointList.Builder(expected));
				}
				current[0].add(rs.getLong(2), rs.getDouble(3));
			});
		return series.entrySet().stream().map((e) -> {
			MetricSeries s = e.getValue();
			PointList.Builder built = points.get(e.getKey());
			return new MetricSeries(s.ciId(), s.metric(), s.labels(), (built != null) ? built.build() : List.of());
		}).toList();
	}

	private static String hour(MetricAggregation aggregation) {
		return switch (aggregation) {
			case AVG -> "h.sum / h.count";
			case MIN -> "h.min";
			case MAX -> "h.max";
		};
	}

	private static String rollup(MetricAggregation aggregation) {
		return switch (aggregation) {
			case AVG -> "sum(h.sum) / sum(h.count)";
			case MIN -> "min(h.min)";
			case MAX -> "max(h.max)";
		};
	}

}
