package io.nopesight.core.metric;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.TestDatabase;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class MetricStoreIntegrationTests {

	private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

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
					""").param("ci", summary.ciId()).param("from", java.sql.Timestamp.from(from))
				.param("to", java.sql.Timestamp.from(to)).query().singleRow();
			assertThat(summary.samples()).isEqualTo(((Number) raw.get("n")).longValue()).isEqualTo(338);
			assertThat(summary.avg()).isCloseTo(((Number) raw.get("avg")).doubleValue(), within(1e-9));
			assertThat(summary.max()).isEqualTo(((Number) raw.get("max")).doubleValue());
			assertThat(summary.min()).isEqualTo(((Number) raw.get("min")).doubleValue());
		}
	}

	@Test
	void writeWhenValueIsNotFiniteThrowsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", DAY, Double.NaN))));
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
		assertThat(dropped).contains("metric_sample_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
			.format(old.atZone(java.time.ZoneOffset.UTC)));
		assertThat(dropped).noneMatch((name) -> name.startsWith("metric_daily_"));
		assertThat(this.store.read(new MetricSeriesQuery(this.web01, "cpu_usage", old, DAY.plusSeconds(1),
				MetricStep.RAW, MetricAggregation.AVG)).get(0).points()).hasSize(1);
		assertThat(this.store.read(new MetricSeriesQuery(this.web01, "cpu_usage", old, DAY.plusSeconds(1),
				MetricStep.DAY, MetricAggregation.AVG)).get(0).points()).hasSize(2);
		this.store.write(List.of(new MetricSample(this.web01, "cpu_usage", old.plusSeconds(60), 3)));
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
