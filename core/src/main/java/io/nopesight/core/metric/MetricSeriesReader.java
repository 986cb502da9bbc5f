package io.nopesight.core.metric;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
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

	// One roll-up row per series and day: ~31 rows per series for 30 days instead of 720 hourly ones. The
	// hourly slots come as arrays (decoded by RollupArrays) and are cut to the window here; a NULL (or, in
	// the packed hour_avg, NaN) slot is an hour without samples. Only what the step needs is sent: the
	// server encodes every array element, which was most of the read's time, hence hour_avg as bytea. No
	// ORDER BY: PointList.Builder sorts a series' day runs.
	private static final String DAYS = """
			SELECT d.series_id, d.day - date '1970-01-01', %s
			FROM metric_daily d
			WHERE d.series_id = ANY(?) AND d.day >= ? AND d.day < ?
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	MetricSeriesReader(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
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
		long from = query.from().truncatedTo(days ? ChronoUnit.DAYS : ChronoUnit.HOURS).getEpochSecond();
		// hours that start before 'to'
		long to = query.to().getEpochSecond() + ((query.to().getNano() > 0) ? 1 : 0);
		// room for a month of points per series up front; longer series grow
		int expected = (int) Math.min(1_024, (to - from) / query.step().width().toSeconds() + 1);
		Map<Integer, PointList.Builder> points = new HashMap<>();
		MetricAggregation aggregation = query.aggregation();
		// a daily average weighs each hour by its count; every other read takes one value per hour
		boolean weighted = days && aggregation == MetricAggregation.AVG;
		boolean packed = !weighted && aggregation == MetricAggregation.AVG;
		String sql = DAYS.formatted(weighted ? "d.hour_sum, d.hour_count" : switch (aggregation) {
			case AVG -> "d.hour_avg";
			case MIN -> "d.hour_min";
			case MAX -> "d.hour_max";
		});
		int[] ids = series.keySet().stream().mapToInt(Integer::intValue).toArray();
		LocalDate firstDay = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400));
		LocalDate endDay = LocalDate.ofEpochDay(Math.floorDiv(to - 1, 86_400) + 1);
		RollupArrays arrays = new RollupArrays();
		int[] count = new int[DailyRollups.HOURS];
		double[] value = new double[DailyRollups.HOURS];
		// Binary results: arrays arrive as their send format instead of text to parse; a cursor (fetch size)
		// was tried before and made the server and this side take turns, so the rows are read in one go.
		this.template.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			statement.setObject(1, ids);
			statement.setObject(2, firstDay);
			statement.setObject(3, endDay);
			return statement;
		}, (ResultSet rs) -> {
			if (packed) {
				arrays.packedDoubles(rs, 3, value);
			}
			else {
				arrays.doubles(rs, 3, value);
			}
			if (weighted) {
				arrays.ints(rs, 4, count);
			}
			PointList.Builder builder = points.computeIfAbsent(rs.getInt(1), (k) -> new PointList.Builder(expected));
			long dayStart = rs.getLong(2) * 86_400;
			if (days) {
				addDay(builder, dayStart, from, to, value, weighted ? count : null, aggregation);
			}
			else {
				addHours(builder, dayStart, from, to, value);
			}
		});
		return series.entrySet().stream().map((e) -> {
			MetricSeries s = e.getValue();
			PointList.Builder built = points.get(e.getKey());
			return new MetricSeries(s.ciId(), s.metric(), s.labels(),
					(built != null && built.size() > 0) ? built.build() : List.of());
		}).toList();
	}

	/** The hours of one day row inside [from, to) that have samples, as points. */
	private static void addHours(PointList.Builder builder, long dayStart, long from, long to, double[] value) {
		for (int h = 0; h < DailyRollups.HOURS; h++) {
			long t = dayStart + h * 3_600L;
			if (!Double.isNaN(value[h]) && t >= from && t < to) {
				builder.add(t, value[h]);
			}
		}
	}

	/**
	 * The hours of one day row inside [from, to), folded into one point at the day's start: hourly sums
	 * over counts for an average, else the least or greatest hourly value.
	 */
	private static void addDay(PointList.Builder builder, long dayStart, long from, long to, double[] value,
			int @Nullable [] count, MetricAggregation aggregation) {
		long n = 0;
		double folded = switch (aggregation) {
			case AVG -> 0;
			case MIN -> Double.POSITIVE_INFINITY;
			case MAX -> Double.NEGATIVE_INFINITY;
		};
		for (int h = 0; h < DailyRollups.HOURS; h++) {
			long t = dayStart + h * 3_600L;
			if (Double.isNaN(value[h]) || t < from || t >= to) {
				continue;
			}
			n += (count != null) ? count[h] : 1;
			folded = switch (aggregation) {
				case AVG -> folded + value[h];
				case MIN -> Math.min(folded, value[h]);
				case MAX -> Math.max(folded, value[h]);
			};
		}
		if (n > 0) {
			builder.add(dayStart, (aggregation == MetricAggregation.AVG) ? folded / n : folded);
		}
	}

}
