package io.nopesight.core.metric;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.InvalidInputException;

/**
 * Writes samples with binary {@code COPY}. The fast path copies straight into the partitioned table and
 * folds the batch into hourly roll-ups computed here; when the batch holds a sample already stored (a
 * re-send) the copy fails on the primary key, is rolled back to a savepoint, and the batch goes through
 * a staging table merged with {@code ON CONFLICT DO NOTHING}, the roll-ups taking only the new rows.
 */
@Repository
class JdbcMetricStore implements MetricStore {

	private static final String ENSURE_PARTITIONS = "SELECT metric_ensure_partitions(:from, :to)";

	private static final String COPY_SAMPLES = "COPY metric_sample (series_id, ts, value) FROM STDIN (FORMAT binary)";

	private static final String CREATE_STAGING = """
			CREATE TEMP TABLE IF NOT EXISTS metric_sample_staging
			    (series_id integer, ts timestamptz, value double precision) ON COMMIT DELETE ROWS
			""";

	private static final String COPY_STAGING = "COPY metric_sample_staging (series_id, ts, value) FROM STDIN (FORMAT binary)";

	private static final String ROLLUP_UPSERT = """
			ON CONFLICT (series_id, hour) DO UPDATE SET
			    count = h.count + excluded.count,
			    min = least(h.min, excluded.min),
			    max = greatest(h.max, excluded.max),
			    sum = h.sum + excluded.sum,
			    last_value = CASE WHEN excluded.last_ts >= h.last_ts THEN excluded.last_value ELSE h.last_value END,
			    last_ts = greatest(h.last_ts, excluded.last_ts)
			""";

	private static final String MERGE_ROLLUPS = """
			INSERT INTO metric_hourly AS h (series_id, hour, count, min, max, sum, last_ts, last_value)
			SELECT series_id, timestamptz 'epoch' + hour * interval '1 microsecond', count, min, max, sum,
			       timestamptz 'epoch' + last_ts * interval '1 microsecond', last_value
			FROM unnest(:series::int4[], :hour::int8[], :count::int4[], :min::float8[], :max::float8[], :sum::float8[],
			            :lastTs::int8[], :last::float8[]) AS r(series_id, hour, count, min, max, sum, last_ts, last_value)
			""" + ROLLUP_UPSERT;

	private static final String MERGE_STAGING = """
			WITH inserted AS (
			    INSERT INTO metric_sample (series_id, ts, value)
			    SELECT series_id, ts, value FROM metric_sample_staging ORDER BY series_id, ts
			    ON CONFLICT (series_id, ts) DO NOTHING
			    RETURNING series_id, ts, value),
			rollup AS (
			    INSERT INTO metric_hourly AS h (series_id, hour, count, min, max, sum, last_ts, last_value)
			    SELECT series_id, date_trunc('hour', ts, 'UTC'), count(*), min(value), max(value), sum(value), max(ts),
			           (array_agg(value ORDER BY ts DESC))[1]
			    FROM inserted GROUP BY 1, 2 ORDER BY 1, 2
			""" + ROLLUP_UPSERT + """
			    RETURNING 1)
			SELECT count(*) FROM inserted
			""";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final JdbcMetricSeriesRepository series;

	private final MetricSeriesReader reader;

	private final MetricSettings settings;

	private final TransactionTemplate ownTransaction;

	private final Set<LocalDate> partitionedDays = ConcurrentHashMap.newKeySet();

	JdbcMetricStore(DataSource dataSource, JdbcClient jdbc, JdbcMetricSeriesRepository series,
			MetricSeriesReader reader, MetricSettings settings, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.series = series;
		this.reader = reader;
		this.settings = settings;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	@Transactional
	public long write(List<MetricSample> samples) {
		if (samples.isEmpty()) {
			return 0;
		}
		check(samples);
		SampleRows rows = SampleRows.of(samples, this.series.idsOf(samples));
		ensurePartitions(rows);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				copy(connection, COPY_SAMPLES, rows);
			}
			catch (SQLException ex) {
				if (!"23505".equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				return mergeThroughStaging(connection, rows);
			}
			connection.releaseSavepoint(savepoint);
			mergeRollups(rows.hourly());
			return rows.size;
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not store " + rows.size + " metric samples", ex);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricSeries> read(MetricSeriesQuery query) {
		return this.reader.read(query);
	}

	@Override
	public List<String> dropExpired(Instant now) {
		List<String> dropped = new MetricPartitions(this.jdbc).dropOlderThan(now.minus(this.settings.rawRetention()),
				now.minus(this.settings.hourlyRetention()));
		if (!dropped.isEmpty()) {
			this.partitionedDays.clear();
		}
		return dropped;
	}

	private void check(List<MetricSample> samples) {
		Instant now = Instant.now();
		for (MetricSample sample : samples) {
			String problem = this.settings.problemWith(sample.timestamp(), sample.value(), now);
			if (problem != null) {
				throw new InvalidInputException("samples", "Sample of " + sample.metric() + " at " + sample.timestamp()
						+ ": " + problem);
			}
		}
	}

	private void ensurePartitions(SampleRows rows) {
		LocalDate first = day(rows.minMicros());
		LocalDate last = day(rows.maxMicros());
		boolean known = first.datesUntil(last.plusDays(1)).allMatch(this.partitionedDays::contains);
		if (!known) {
			// own transaction: the DDL must not wait on, or be rolled back with, the caller's write
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql(ENSURE_PARTITIONS)
				.param("from", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.param("to", Timestamp.from(last.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.query(Integer.class)
				.single());
			first.datesUntil(last.plusDays(1)).forEach(this.partitionedDays::add);
		}
	}

	private long mergeThroughStaging(Connection connection, SampleRows rows) throws SQLException, IOException {
		this.jdbc.sql(CREATE_STAGING).update();
		copy(connection, COPY_STAGING, rows);
		return this.jdbc.sql(MERGE_STAGING).query(Long.class).single();
	}

	private void mergeRollups(SampleRows.Hourly hourly) {
		int n = hourly.size;
		this.jdbc.sql(MERGE_ROLLUPS)
			.param("series", Arrays.copyOf(hourly.series, n))
			.param("hour", Arrays.copyOf(hourly.hour, n))
			.param("count", Arrays.copyOf(hourly.count, n))
			.param("min", Arrays.copyOf(hourly.min, n))
			.param("max", Arrays.copyOf(hourly.max, n))
			.param("sum", Arrays.copyOf(hourly.sum, n))
			.param("lastTs", Arrays.copyOf(hourly.lastMicros, n))
			.param("last", Arrays.copyOf(hourly.last, n))
			.update();
	}

	private static void copy(Connection connection, String sql, SampleRows rows) throws SQLException, IOException {
		connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn(sql, new ByteArrayInputStream(rows.binaryCopy()), 1 << 16);
	}

	private static LocalDate day(long micros) {
		return LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L));
	}

}
