package io.nopesight.core.metric;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.database.KnownPartitions;

/**
 * Writes samples with binary {@code COPY}. The fast path copies straight into the partitioned table and
 * folds the batch into day roll-ups (24 hourly slots each) computed here, copied to a staging table and
 * merged into {@code metric_daily}; when the batch holds a sample already stored (a re-send) the copy
 * fails on the primary key, is rolled back to a savepoint, and the batch goes through a staging table
 * merged with {@code ON CONFLICT DO NOTHING}, the roll-ups taking only the rows it inserted.
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

	// the columns DailyRollups encodes, in its order (hour_avg is generated from hour_sum and hour_count)
	private static final String DAILY_COLUMNS = """
			series_id, day, count, min, max, sum, last_ts, last_value,
			hour_count, hour_min, hour_max, hour_sum, hour_last_ts, hour_last""";

	private static final String CREATE_DAILY_STAGING = """
			CREATE TEMP TABLE IF NOT EXISTS metric_daily_staging ON COMMIT DELETE ROWS AS
			SELECT %s FROM metric_daily WITH NO DATA
			""".formatted(DAILY_COLUMNS);

	private static final String COPY_DAILY_STAGING = "COPY metric_daily_staging (%s) FROM STDIN (FORMAT binary)"
		.formatted(DAILY_COLUMNS);

	// Folds the batch's day rows into the stored ones; the SET expressions see the stored row as d. The
	// metric_merge_* functions (V6) merge the 24 hourly slots element by element.
	private static final String MERGE_DAILY = """
			INSERT INTO metric_daily AS d (%1$s) SELECT %1$s FROM metric_daily_staging ORDER BY series_id, day
			ON CONFLICT (series_id, day) DO UPDATE SET
			    count = d.count + excluded.count,
			    min = least(d.min, excluded.min),
			    max = greatest(d.max, excluded.max),
			    sum = d.sum + excluded.sum,
			    last_value = CASE WHEN excluded.last_ts >= d.last_ts THEN excluded.last_value ELSE d.last_value END,
			    last_ts = greatest(d.last_ts, excluded.last_ts),
			    hour_count = metric_merge_counts(d.hour_count, excluded.hour_count),
			    hour_min = metric_merge_mins(d.hour_min, excluded.hour_min),
			    hour_max = metric_merge_maxes(d.hour_max, excluded.hour_max),
			    hour_sum = metric_merge_sums(d.hour_sum, excluded.hour_sum),
			    hour_last = metric_merge_lasts(d.hour_last, d.hour_last_ts, excluded.hour_last, excluded.hour_last_ts),
			    hour_last_ts = metric_merge_last_ts(d.hour_last_ts, excluded.hour_last_ts)
			""".formatted(DAILY_COLUMNS);

	// the rows actually inserted come back, and only they go into the roll-ups
	private static final String MERGE_STAGING = """
			INSERT INTO metric_sample (series_id, ts, value)
			SELECT series_id, ts, value FROM metric_sample_staging ORDER BY series_id, ts
			ON CONFLICT (series_id, ts) DO NOTHING
			RETURNING series_id, ts, value
			""";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final JdbcMetricSeriesRepository series;

	private final MetricSeriesReader reader;

	private final MetricSettings settings;

	private final TransactionTemplate ownTransaction;

	private final KnownPartitions partitions;

	JdbcMetricStore(DataSource dataSource, JdbcClient jdbc, JdbcMetricSeriesRepository series,
			MetricSeriesReader reader, MetricSettings settings, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.series = series;
		this.reader = reader;
		this.settings = settings;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// the sample days go first (raw retention); their months are kept longer
		this.partitions = new KnownPartitions(settings::rawRetention);
	}

	@Override
	@Transactional
	public long write(List<MetricSample> samples) {
		if (samples.isEmpty()) {
			return 0;
		}
		// the batch checks each sample and resolves its series, as for the import's batches
		MetricBatch batch = newBatch(samples.size());
		samples.forEach(batch::add);
		return write(batch.rows());
	}

	@Override
	public MetricBatch newBatch(int expectedSize) {
		return new MetricBatch(this.series, this.settings, expectedSize);
	}

	@Override
	@Transactional
	public long write(MetricBatch batch) {
		return write(batch.rows());
	}

	/**
	 * Stores rows of known series (sorted, without repeats) in the caller's transaction and returns how
	 * many were new.
	 */
	private long write(SampleRows rows) {
		if (rows.size == 0) {
			return 0;
		}
		ensurePartitions(rows);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				copy(connection, COPY_SAMPLES, rows.binaryCopy());
			}
			catch (SQLException ex) {
				if (!"23505".equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				SampleRows inserted = mergeThroughStaging(connection, rows);
				mergeRollups(connection, inserted);
				return inserted.size;
			}
			connection.releaseSavepoint(savepoint);
			mergeRollups(connection, rows);
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
			this.partitions.forget();
		}
		return dropped;
	}

	private void ensurePartitions(SampleRows rows) {
		LocalDate first = day(rows.minMicros());
		LocalDate last = day(rows.maxMicros());
		List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
		if (!this.partitions.allKnown(days)) {
			// own transaction: the DDL must not wait on, or be rolled back with, the caller's write
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql(ENSURE_PARTITIONS)
				.param("from", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.param("to", Timestamp.from(last.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.query(Integer.class)
				.single());
			this.partitions.remember(days);
		}
	}

	private SampleRows mergeThroughStaging(Connection connection, SampleRows rows) throws SQLException, IOException {
		this.jdbc.sql(CREATE_STAGING).update();
		copy(connection, COPY_STAGING, rows.binaryCopy());
		int[] series = new int[rows.size];
		long[] micros = new long[rows.size];
		double[] values = new double[rows.size];
		int[] n = { 0 };
		this.jdbc.sql(MERGE_STAGING).query((rs) -> {
			series[n[0]] = rs.getInt(1);
			micros[n[0]] = SampleRows.micros(rs.getObject(2, OffsetDateTime.class).toInstant());
			values[n[0]] = rs.getDouble(3);
			n[0]++;
		});
		return SampleRows.sorted(series, micros, values, n[0]);
	}

	private void mergeRollups(Connection connection, SampleRows rows) throws SQLException, IOException {
		if (rows.size == 0) {
			return;
		}
		this.jdbc.sql(CREATE_DAILY_STAGING).update();
		copy(connection, COPY_DAILY_STAGING, rows.daily().binaryCopy());
		this.jdbc.sql(MERGE_DAILY).update();
	}

	private static void copy(Connection connection, String sql, byte[] rows) throws SQLException, IOException {
		connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(rows), 1 << 16);
	}

	private static LocalDate day(long micros) {
		return LocalDate.ofEpochDay(Math.floorDiv(micros, SampleRows.DAY_MICROS));
	}

}
