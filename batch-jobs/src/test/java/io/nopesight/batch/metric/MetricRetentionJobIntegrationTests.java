package io.nopesight.batch.metric;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled retention run end to end: the daily schedule is stored in the clustered Quartz store, and a
 * fire of it through the scheduler starts the Spring Batch job, which drops the raw partitions past raw
 * retention (30 days) and keeps recent ones and the day roll-ups. Not in the shared batch context, as it drops
 * partitions other tests' data lives in, and its schedules on (the other batch tests turn them off): it shares
 * its context with the connection retention test only.
 */
@CoreIntegrationTest
// the same settings as ConnectionRetentionIntegrationTests, so that the two share a context
@TestPropertySource(properties = { "nopesight.metrics.retention-cron=0 15 3 * * ?",
		"nopesight.discovery.connection-retention-cron=0 30 3 * * ?" })
class MetricRetentionJobIntegrationTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	MetricStore store;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduleWhenTheApplicationStartsIsStoredDailyAt0315UtcInTheClusteredStore() throws Exception {
		// when
		Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey(MetricRetentionJobConfiguration.SCHEDULE, "nopesight"));
		// then
		assertThat(trigger).isInstanceOfSatisfying(CronTrigger.class, (cron) -> {
			assertThat(cron.getCronExpression()).isEqualTo("0 15 3 * * ?");
			assertThat(cron.getTimeZone().getID()).isEqualTo("UTC");
			assertThat(cron.getNextFireTime().toInstant().atZone(ZoneOffset.UTC).toLocalTime())
				.isEqualTo(LocalTime.of(3, 15));
		});
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.jdbc.sql("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_name = :name")
			.param("name", MetricRetentionJobConfiguration.SCHEDULE)
			.query(String.class)
			.single()).isEqualTo("0 15 3 * * ?");
	}

	@Test
	void scheduledRunDropsRawPartitionsPastRetentionAndKeepsTheRest() throws Exception {
		// given
		String ci = this.cmdb.create(new NewConfigurationItem("RETENTION-01", "server", null, null, null, null), "t")
			.id();
		Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(45, ChronoUnit.DAYS);
		Instant recent = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS);
		this.store.write(List.of(new MetricSample(ci, "cpu_usage", old, 10), new MetricSample(ci, "cpu_usage", recent, 20)));
		// when
		this.scheduler.triggerJob(JobKey.jobKey(MetricRetentionJobConfiguration.SCHEDULE, "nopesight"));
		// then
		Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> !retentionRuns().isEmpty()
				&& !retentionRuns().contains("STARTED") && !retentionRuns().contains("STARTING"));
		assertThat(partitionExists("metric_sample_" + day(old))).isFalse();
		assertThat(partitionExists("metric_sample_" + day(recent))).isTrue();
		assertThat(count("metric_sample", ci)).isEqualTo(1);
		assertThat(count("metric_daily", ci)).isEqualTo(2);
		assertThat(retentionRuns()).containsExactly("COMPLETED");
	}

	private List<String> retentionRuns() {
		return this.jdbc.sql("SELECT status FROM batch_job_execution e JOIN batch_job_instance i "
				+ "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'metricRetentionJob'")
			.query(String.class)
			.list();
	}

	private long count(String table, String ci) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " t JOIN metric_series s ON s.id = t.series_id "
				+ "WHERE s.ci_id = :ci").param("ci", ci).query(Long.class).single();
	}

	private boolean partitionExists(String name) {
		return this.jdbc.sql("SELECT to_regclass(:name) IS NOT NULL").param("name", name).query(Boolean.class).single();
	}

	private static String day(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyyMMdd").format(instant.atZone(ZoneOffset.UTC));
	}

}
