package io.nopesight.batch.metric;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.TestDatabase;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled retention run end to end: the schedule starts the Spring Batch job, which drops the raw
 * partitions past raw retention (30 days) and keeps recent ones and the day roll-ups. Its own schema, as it
 * drops partitions other tests' data lives in.
 */
@SpringBootTest
class MetricRetentionJobIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	MetricRetentionSchedule schedule;

	@Autowired
	MetricStore store;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduledRunDropsRawPartitionsPastRetentionAndKeepsTheRest() {
		// given
		String ci = this.cmdb.create(new NewConfigurationItem("RETENTION-01", "server", null, null, null, null), "t")
			.id();
		Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(45, ChronoUnit.DAYS);
		Instant recent = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS);
		this.store.write(List.of(new MetricSample(ci, "cpu_usage", old, 10), new MetricSample(ci, "cpu_usage", recent, 20)));
		// when
		this.schedule.enforceRetention();
		// then
		assertThat(partitionExists("metric_sample_" + day(old))).isFalse();
		assertThat(partitionExists("metric_sample_" + day(recent))).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM metric_sample").query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM metric_daily").query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT status FROM batch_job_execution e JOIN batch_job_instance i "
				+ "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'metricRetentionJob'")
			.query(String.class)
			.list()).containsExactly("COMPLETED");
	}

	private boolean partitionExists(String name) {
		return this.jdbc.sql("SELECT to_regclass(:name) IS NOT NULL").param("name", name).query(Boolean.class).single();
	}

	private static String day(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyyMMdd").format(instant.atZone(ZoneOffset.UTC));
	}

}
