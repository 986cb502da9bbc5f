package io.nopesight.batch.metric;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.TestDatabase;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.metric.MetricSummaries;
import io.nopesight.core.metric.MetricSummary;
import io.nopesight.core.metric.MetricSummaryQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricImportJobIntegrationTests {

	private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	MetricImports imports;

	@Autowired
	MetricSummaries summaries;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcClient jdbc;

	Map<String, String> demo;

	MetricImport demoImport;

	@BeforeAll
	void importDemoEstate() {
		this.demo = DemoEstateFixture.load(this.cmdb);
		this.demoImport = finished(this.imports.start(DemoEstateFixture.demoMetrics(), MetricImportFormat.CSV, null, "test"));
	}

	@Test
	void importWhenDemoMetricsAreImportedStoresEveryRowAndTheJobCompletes() {
		// then
		assertThat(this.demoImport.status()).isEqualTo("completed");
		assertThat(this.demoImport.rowsRead()).isEqualTo(235_440);
		assertThat(this.demoImport.rowsWritten()).isEqualTo(235_440);
		assertThat(this.demoImport.rowsSkipped()).isZero();
		assertThat(demoSamples()).isEqualTo(235_440);
		JobExecution execution = this.jobRepository.getLastJobExecution("metricImportJob",
				new JobParametersBuilder().addString("importId", this.demoImport.id()).toJobParameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void summarizeWhenAskedForLastWeeksCpuOfServersMatchesRawRows() {
		// given
		Instant from = AS_OF.minus(Duration.ofDays(7));
		Map<String, Map<String, Object>> raw = this.jdbc.sql("""
				SELECT s.ci_id, count(*) AS n, avg(m.value) AS avg, max(m.value) AS peak
				FROM metric_sample m JOIN metric_series s ON s.id = m.series_id
				JOIN configuration_item c ON c.id = s.ci_id
				WHERE s.metric = 'cpu_usage' AND c.type = 'server' AND m.ts >= :from AND m.ts < :to
				GROUP BY s.ci_id
				""").param("from", Timestamp.from(from)).param("to", Timestamp.from(AS_OF)).query().listOfRows()
			.stream().collect(Collectors.toMap((row) -> (String) row.get("ci_id"), Function.identity()));
		// when
		List<MetricSummary> found = this.summaries.summarize(new MetricSummaryQuery(List.of("cpu_usage"), null,
				"server", from, AS_OF));
		// then
		assertThat(found).hasSize(109).hasSize(raw.size());
		for (MetricSummary summary : found) {
			Map<String, Object> expected = raw.get(summary.ciId());
			assertThat(summary.ciType()).isEqualTo("server");
			assertThat(summary.samples()).isEqualTo(((Number) expected.get("n")).longValue()).isEqualTo(168);
			assertThat(summary.avg()).isCloseTo(((Number) expected.get("avg")).doubleValue(), within(1e-9));
			assertThat(summary.max()).isEqualTo(((Number) expected.get("peak")).doubleValue());
		}
	}

	@Test
	void importWhenTheSameFileIsSentAgainWritesNothingNew() {
		// when
		MetricImport again = finished(this.imports.start(DemoEstateFixture.demoMetrics(), MetricImportFormat.CSV, null,
				"test"));
		// then
		assertThat(again.status()).isEqualTo("completed");
		assertThat(again.rowsRead()).isEqualTo(235_440);
		assertThat(again.rowsWritten()).isZero();
		assertThat(demoSamples()).isEqualTo(235_440);
		assertThat(this.jdbc.sql("SELECT sum(h.count) FROM metric_hourly h JOIN metric_series s ON s.id = h.series_id WHERE s.metric IN ('cpu_usage', 'memory_usage', 'disk_usage')").query(Long.class).single()).isEqualTo(235_440);
	}

	@Test
	void importWhenRowsAreBadSkipsAndReportsThem() {
		// given
		String csv = """
				ci,metric,timestamp,value
				CORE-SW-01,test_metric,2026-10-30T00:00:00Z,12.5
				NO-SUCH-CI,cpu_usage,2026-10-30T00:00:00Z,1
				CORE-SW-01,test_metric,yesterday,1
				CORE-SW-01,test_metric,2026-10-30T01:00:00Z,lots
				CORE-SW-01,test_metric,2026-10-30T02:00:00Z
				%s,test_metric,1793318400,55
				""".formatted(this.demo.get("CORE-SW-01"));
		// when
		MetricImport done = finished(this.imports.start(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				MetricImportFormat.CSV, null, "test"));
		// then
		assertThat(done.status()).isEqualTo("completed");
		assertThat(done.rowsRead()).isEqualTo(6);
		assertThat(done.rowsSkipped()).isEqualTo(4);
		assertThat(done.skipped()).extracting(MetricImport.SkippedRow::line).containsExactly(3L, 4L, 5L, 6L);
		assertThat(done.skipped()).extracting(MetricImport.SkippedRow::reason)
			.containsExactly("unknown CI 'NO-SUCH-CI'", "invalid timestamp 'yesterday'", "invalid value 'lots'",
					"expected 4 columns: ci,metric,timestamp,value");
	}

	@Test
	void importWhenANameIsSharedByTwoTypesSkipsItAsAmbiguous() {
		// given
		this.cmdb.create(new NewConfigurationItem("shared-name", "server", null, null, null, null), "test");
		this.cmdb.create(new NewConfigurationItem("shared-name", "application", null, null, null, null), "test");
		String csv = "shared-name,cpu_usage,2026-10-30T00:00:00Z,1\n";
		// when
		MetricImport done = finished(this.imports.start(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				MetricImportFormat.CSV, null, "test"));
		// then
		assertThat(done.rowsSkipped()).isEqualTo(1);
		assertThat(done.skipped().get(0).reason()).startsWith("CI name 'shared-name' is ambiguous");
	}

	@Test
	void importWhenPrometheusTextNamesTheCiStoresEveryFiniteSample() throws Exception {
		// given
		String ci = this.cmdb.create(new NewConfigurationItem("prom-host", "server", null, null, null, null), "test")
			.id();
		// when
		MetricImport done = finished(this.imports.start(getClass().getResourceAsStream("/metrics/node_exporter.txt"),
				MetricImportFormat.PROMETHEUS, "prom-host", "test"));
		// then
		assertThat(done.status()).isEqualTo("completed");
		assertThat(done.rowsRead()).isEqualTo(507);
		assertThat(done.rowsWritten() + done.rowsSkipped()).isEqualTo(507);
		assertThat(done.rowsWritten()).isPositive();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM metric_series WHERE ci_id = :ci AND metric = 'node_cpu_seconds_total'
				AND labels ->> 'cpu' IS NOT NULL AND labels ->> 'mode' IS NOT NULL
				""").param("ci", ci).query(Long.class).single()).isGreaterThan(1);
	}

	private long demoSamples() {
		return this.jdbc.sql("""
				SELECT count(*) FROM metric_sample m JOIN metric_series s ON s.id = m.series_id
				WHERE s.metric IN ('cpu_usage', 'memory_usage', 'disk_usage')
				""").query(Long.class).single();
	}

	private MetricImport finished(MetricImport started) {
		assertThat(started.status()).isEqualTo("running");
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !this.imports.get(started.id()).status().equals("running"));
		return this.imports.get(started.id());
	}

}
