package io.nopesight.core.metric;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

@CoreIntegrationTest
class MetricStoreIntegrationTests {

	private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS);

	@Autowired
	MetricStore store;

	@Autowired
	MetricSummaries summaries;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	String web01;

	String db01;

	@BeforeEach
	void servers() {
		this.web01 = server("WEB-" + System.nanoTime());
		this.db01 = server("DB-" + System.nanoTime());
	}

	@Test
	void writeWhenSamplesAreResentStoresThemOnceAndKeepsRollupsExact() {
		// given
		List<MetricSample> samples = minutely(this.web01, "cpu_usage", DAY, 180);
		this.store.write(samples);
		// when
		long again = this.store.write(samples);
		List<MetricSample> overlapping = new ArrayList<>(minutely(this.web01, "cpu_usage", DAY.plus(Duration.ofHours(2)), 120));
		long partlyNew = this.store.write(overlapping);
		// then
		assertThat(again).isZero();
		assertThat(partlyNew).isEqualTo(60);
		assertThat(count("SELECT count(*) FROM metric_sample m JOIN metric_series s ON s.id = m.series_id WHERE s.ci_id = '"
				+ this.web01 + "'")).isEqualTo(240);
		Map<String, Object> check = this.jdbc.sql("""
				SELECT (SELECT sum(count) FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id WHERE s.ci_id = :ci) AS n,
				       (SELECT sum(sum) FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id WHERE s.ci_id = :ci) AS rollup_sum,
				       (SELECT sum(value) FROM metric_sample m JOIN metric_series s ON s.id = m.series_id WHERE s.ci_id = :ci) AS raw_sum
				""").param("ci", this.web01).query().singleRow();
		assertThat(((Number) check.get("n")).longValue()).isEqualTo(240);
		assertThat(((Number) check.get("rollup_sum")).doubleValue()).isCloseTo(((Number) check.get("raw_sum")).doubleValue(),
				within(1e-6));
	}

	@Test
	void writeWhenBatchRepeatsASampleStoresTheFirstValue() {
		// given
		Instant t = DAY.plusSeconds(30);
		List<MetricSample> batch = List.of(new MetricSample(this.db01, "disk_usage", t, 40),
				new MetricSample(this.db01, "disk_usage", t, 90));
		// when
		long written = this.store.write(batch);
		// then
		assertThat(written).isEqualTo(1);
		assertThat(this.store.read(new MetricSeriesQuery(this.db01, "disk_usage", DAY, DAY.plusSeconds(3600),
				MetricStep.RAW, MetricAggregation.AVG)).get(0).points()).extracting(MetricSeries.Point::value)
			.containsExactly(40.0);
	}

	@Test
	void readWhenStepIsCoarserAggregatesBuckets() {
		// given
		this.store.write(minutely(this.web01, "memory_usage", DAY, 120));
		// when
		MetricSeries fiveMinutes = one(MetricStep.FIVE_MINUTES, MetricAggregation.MAX);
		MetricSeries hours = one(MetricStep.HOUR, MetricAggregation.AVG);
		MetricSeries days = one(MetricStep.DAY, MetricAggregation.MIN);
		// then: values are the minute index, so buckets are easy to check
		assertThat(fiveMinutes.points()).hasSize(24);
		assertThat(fiveMinutes.points().get(0).value()).isEqualTo(4.0);
		assertThat(hours.points()).extracting(MetricSeries.Point::value).containsExactly(29.5, 89.5);
		assertThat(hours.points().get(1).timestamp()).isEqualTo(DAY.plusSeconds(3600));
		assertThat(days.points()).extracting(MetricSeries.Point::value).containsExactly(0.0);
	}

	@Test
	void readWhenLabelsDifferReturnsOneSeriesPerLabelSet() {
		// given
		this.store.write(List.of(new MetricSample(this.web01, "node_cpu_seconds_total", Map.of("cpu", "0", "mode", "idle"), DAY, 1),
				new MetricSample(this.web01, "node_cpu_seconds_total", Map.of("cpu", "1", "mode", "idle"), DAY, 2)));
		// when
		List<MetricSeries> series = this.store.read(new MetricSeriesQuery(this.web01, "node_cpu_seconds_total", DAY,
				DAY.plusSeconds(60), MetricStep.RAW, MetricAggregation.AVG));
		// then
		assertThat(series).extracting(MetricSeries::labels)
			.containsExactlyInAnyOrder(Map.of("cpu", "0", "mode", "idle"), Map.of("cpu", "1", "mode", "idle"));
	}

	@Test
	void summarizeWhenWindowCutsHoursMatchesRawComputation() {
		// given
		this.store.write(minutely(this.web01, "cpu_usage", DAY, 600));
		this.store.write(minutely(this.db01, "cpu_usage", DAY, 600));
		Instant from = DAY.plus(Duration.ofMinutes(95));
		Instant to = DAY.plus(Duration.ofMinutes(433));
		// when
		List<MetricSummary> found = this.summaries.summarize(new MetricSummaryQuery(List.of("cpu_usage"),
				List.of(this.web01, this.db01), "server", from, to));
		// then
		assertThat(found).hasSize(2);
		for (MetricSummary summary : found) {
			Map<String, Object> raw = this.jdbc.sql("""
					SELECT count(*) AS n, avg(value) AS avg, max(value) AS max, min(value) AS min
					FROM metric_sample m JOIN metric_series s ON s.id = m.series_id
					WHERE s.ci_id = :ci AND s.metric = 'cpu_usage' AND m.ts >= :from AND m.ts < :to
					""").param("ci", summary.ciId()).param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to)).query().singleRow();
			assertThat(summary.samples()).isEqualTo(((Number) raw.get("n")).longValue()).isEqualTo(338);
			assertThat(summary.avg()).isCloseTo(((Number) raw.get("avg")).doubleValue(), within(1e-9));
			assertThat(summary.max()).isEqualTo(((Number) raw.get("max")).doubleValue());
			assertThat(summary.min()).isEqualTo(((Number) raw.get("min")).doubleValue());
		}
	}

	@Test
	void writeWhenSamplesArriveOutOfOrderInOverlappingBatchesKeepsRollupsEqualToRawRows() {
		// given: three days of a sample every 7 minutes, shuffled, written in batches that overlap
		List<MetricSample> samples = new ArrayList<>();
		for (int i = 0; i < 3 * 24 * 60 / 7; i++) {
			samples.add(new MetricSample(this.web01, "cpu_usage", DAY.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(7L * i)),
					(i * 37 % 101) / 3.0));
		}
		Collections.shuffle(samples, new Random(42));
		int n = samples.size();
		// when
		long written = this.store.write(samples.subList(0, n * 6 / 10)) + this.store.write(samples.subList(n * 4 / 10, n))
				+ this.store.write(samples.subList(n * 2 / 10, n / 2));
		// then: every hour and every day of the roll-ups equals the aggregate of its raw rows
		assertThat(written).isEqualTo(n);
		assertThat(count("SELECT count(*) FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id WHERE s.ci_id = '"
				+ this.web01 + "'")).isEqualTo(72);
		assertThat(this.jdbc.sql("""
				WITH raw AS (
				    SELECT m.series_id, date_trunc('hour', m.ts, 'UTC') AS hour, count(*) AS n, min(m.value) AS lo,
				           max(m.value) AS hi, sum(m.value) AS total, max(m.ts) AS last_ts,
				           (array_agg(m.value ORDER BY m.ts DESC))[1] AS last
				    FROM metric_sample m JOIN metric_series s ON s.id = m.series_id WHERE s.ci_id = :ci GROUP BY 1, 2),
				rolled AS (SELECT h.* FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id WHERE s.ci_id = :ci)
				SELECT count(*) FROM raw r FULL JOIN rolled h ON h.series_id = r.series_id AND h.hour = r.hour
				WHERE h.hour IS NULL OR r.hour IS NULL OR h.count <> r.n OR h.min <> r.lo OR h.max <> r.hi
				   OR abs(h.sum - r.total) > 1e-9 OR h.last_ts <> r.last_ts OR h.last_value <> r.last
				""").param("ci", this.web01).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				WITH raw AS (
				    SELECT m.series_id, (m.ts AT TIME ZONE 'UTC')::date AS day, count(*) AS n, min(m.value) AS lo,
				           max(m.value) AS hi, sum(m.value) AS total, max(m.ts) AS last_ts,
				           (array_agg(m.value ORDER BY m.ts DESC))[1] AS last
				    FROM metric_sample m JOIN metric_series s ON s.id = m.series_id WHERE s.ci_id = :ci GROUP BY 1, 2),
				rolled AS (SELECT d.* FROM metric_daily d JOIN metric_series s ON s.id = d.series_id WHERE s.ci_id = :ci)
				SELECT count(*) FROM raw r FULL JOIN rolled d ON d.series_id = r.series_id AND d.day = r.day
				WHERE d.day IS NULL OR r.day IS NULL OR d.count <> r.n OR d.min <> r.lo OR d.max <> r.hi
				   OR abs(d.sum - r.total) > 1e-9 OR d.last_ts <> r.last_ts OR d.last_value <> r.last
				""").param("ci", this.web01).query(Long.class).single()).isZero();
	}

	@Test
	void summarizeWhenWindowSpansDaysMatchesRawComputation() {
		// given: three days of minutely samples
		Instant start = DAY.minus(Duration.ofDays(1));
		this.store.write(minutely(this.web01, "cpu_usage", start, 3 * 1440));
		List<Instant[]> windows = List.of(
				// partial hours and partial days at both ends
				new Instant[] { start.plus(Duration.ofMinutes(5 * 60 + 17)), start.plus(Duration.ofMinutes(2 * 1440 + 7 * 60 + 43)) },
				// whole days only
				new Instant[] { start, start.plus(Duration.ofDays(2)) },
				// whole hours either side of one midnight, no whole day
				new Instant[] { start.plus(Duration.ofHours(20)), start.plus(Duration.ofHours(27)) },
				// no whole hour
				new Instant[] { start.plus(Duration.ofMinutes(61)), start.plus(Duration.ofMinutes(119)) });
		for (Instant[] window : windows) {
			// when
			List<MetricSummary> found = this.summaries.summarize(new MetricSummaryQuery(List.of("cpu_usage"),
					List.of(this.web01), null, window[0], window[1]));
			// then
			Map<String, Object> raw = this.jdbc.sql("""
					SELECT count(*) AS n, avg(value) AS avg, max(value) AS max, min(value) AS min
					FROM metric_sample m JOIN metric_series s ON s.id = m.series_id
					WHERE s.ci_id = :ci AND s.metric = 'cpu_usage' AND m.ts >= :from AND m.ts < :to
					""").param("ci", this.web01).param("from", Timestamp.from(window[0]))
				.param("to", Timestamp.from(window[1])).query().singleRow();
			assertThat(found).hasSize(1);
			MetricSummary summary = found.get(0);
			assertThat(summary.samples()).as("samples %s", List.of(window))
				.isEqualTo(Duration.between(window[0], window[1]).toMinutes())
				.isEqualTo(((Number) raw.get("n")).longValue());
			assertThat(summary.avg()).isCloseTo(((Number) raw.get("avg")).doubleValue(), within(1e-9));
			assertThat(summary.max()).isEqualTo(((Number) raw.get("max")).doubleValue());
			assertThat(summary.min()).isEqualTo(((Number) raw.get("min")).doubleValue());
		}
	}

	@Test
	void readWhenHoursCrossMidnightReturnsEachHourAndCutsTheLastDayAtTheWindow() {
		// given: ten hours of minutely samples from 20:00, valued by their minute index
		this.store.write(minutely(this.web01, "memory_usage", DAY.plus(Duration.ofHours(20)), 600));
		// when
		List<MetricSeries.Point> hours = this.store.read(new MetricSeriesQuery(this.web01, "memory_usage",
				DAY.plus(Duration.ofMinutes(20 * 60 + 30)), DAY.plus(Duration.ofHours(30)), MetricStep.HOUR,
				MetricAggregation.AVG)).get(0).points();
		List<MetricSeries.Point> days = this.store.read(new MetricSeriesQuery(this.web01, "memory_usage", DAY,
				DAY.plus(Duration.ofMinutes(27 * 60 + 1)), MetricStep.DAY, MetricAggregation.MAX)).get(0).points();
		// then: hours start at the hour of 'from'; the second day holds the hours that start before 'to'
		assertThat(hours).hasSize(10);
		assertThat(hours.get(0).timestamp()).isEqualTo(DAY.plus(Duration.ofHours(20)));
		assertThat(hours.get(9).timestamp()).isEqualTo(DAY.plus(Duration.ofHours(29)));
		assertThat(hours).extracting(MetricSeries.Point::value)
			.containsExactly(29.5, 89.5, 149.5, 209.5, 269.5, 329.5, 389.5, 449.5, 509.5, 569.5);
		assertThat(days).extracting(MetricSeries.Point::timestamp).containsExactly(DAY, DAY.plus(Duration.ofDays(1)));
		assertThat(days).extracting(MetricSeries.Point::value).containsExactly(239.0, 479.0);
		assertThat(this.store.read(new MetricSeriesQuery(this.web01, "memory_usage", DAY,
				DAY.plus(Duration.ofMinutes(27 * 60 + 1)), MetricStep.DAY, MetricAggregation.AVG)).get(0).points())
			.extracting(MetricSeries.Point::value)
			.containsExactly(119.5, 359.5);
	}

	@Test
	void writeWhenValueIsNotFiniteThrowsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", DAY, Double.NaN))));
	}

	@Test
	void writeWhenOneSampleIsInvalidStoresNoneOfTheListAndCreatesNoSeries() {
		// given: a valid sample of a new metric, then one too far in the future
		List<MetricSample> samples = List.of(new MetricSample(this.web01, "swap_usage", DAY, 1),
				new MetricSample(this.web01, "swap_usage", Instant.now().plus(Duration.ofDays(30)), 2));
		// when
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.store.write(samples))
			.withMessageContaining("Sample of swap_usage at");
		// then
		assertThat(count("SELECT count(*) FROM metric_series WHERE ci_id = '" + this.web01 + "' AND metric = 'swap_usage'"))
			.isZero();
	}

	@Test
	void dropExpiredWhenPartitionsAreOlderThanRetentionDropsThem() {
		// given
		Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(40, ChronoUnit.DAYS);
		this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", old, 1),
				new MetricSample(this.web01, "cpu_usage", DAY, 2)));
		// when
		List<String> dropped = this.store.dropExpired(Instant.now());
		// then
		assertThat(dropped).contains("metric_sample_" + DateTimeFormatter.ofPattern("yyyyMMdd")
			.format(old.atZone(ZoneOffset.UTC)));
		assertThat(dropped).noneMatch((name) -> name.startsWith("metric_daily_"));
		assertThat(this.store.read(new MetricSeriesQuery(this.web01, "cpu_usage", old, DAY.plusSeconds(1),
				MetricStep.RAW, MetricAggregation.AVG)).get(0).points()).hasSize(1);
		assertThat(this.store.read(new MetricSeriesQuery(this.web01, "cpu_usage", old, DAY.plusSeconds(1),
				MetricStep.DAY, MetricAggregation.AVG)).get(0).points()).hasSize(2);
		// the dropped day's partition is created again for a late sample
		assertThat(this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", old.plusSeconds(60), 3)))).isEqualTo(1);
	}

	@Test
	void writeWhenAnotherNodeDroppedAnOldDayThisNodeHadWrittenMakesItsPartitionAgain() {
		// given: this node wrote a day past raw retention, then another node's retention dropped its partition
		Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(50, ChronoUnit.DAYS);
		this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", old, 1)));
		this.jdbc.sql("DROP TABLE metric_sample_" + DateTimeFormatter.ofPattern("yyyyMMdd").format(old.atZone(ZoneOffset.UTC)))
			.update();
		// when
		long written = this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", old.plusSeconds(60), 2)));
		// then
		assertThat(written).isEqualTo(1);
	}

	private MetricSeries one(MetricStep step, MetricAggregation aggregation) {
		List<MetricSeries> series = this.store.read(new MetricSeriesQuery(this.web01, "memory_usage", DAY,
				DAY.plus(Duration.ofHours(2)), step, aggregation));
		assertThat(series).hasSize(1);
		return series.get(0);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String server(String name) {
		return this.cmdb.create(new NewConfigurationItem(name, "server", null, null, Map.of(), Map.of()), "test").id();
	}

	private static List<MetricSample> minutely(String ci, String metric, Instant from, int minutes) {
		List<MetricSample> samples = new ArrayList<>();
		for (int i = 0; i < minutes; i++) {
			samples.add(new MetricSample(ci, metric, from.plus(Duration.ofMinutes(i)), i));
		}
		return samples;
	}

}
