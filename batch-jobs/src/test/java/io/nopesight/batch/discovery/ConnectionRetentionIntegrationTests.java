package io.nopesight.batch.discovery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.discovery.ObservedConnection;
import io.nopesight.core.discovery.ProcessConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled connection retention end to end: its daily schedule is stored, and a fire of it through the
 * scheduler drops the days of connections past the retention (90 days by default) and keeps the rest. Its
 * schedules are on (the other batch tests turn them off), so it shares its context with the metric retention
 * test only.
 */
@CoreIntegrationTest
// the same settings as MetricRetentionJobIntegrationTests, so that the two share a context
@TestPropertySource(properties = { "nopesight.metrics.retention-cron=0 15 3 * * ?",
		"nopesight.discovery.connection-retention-cron=0 30 3 * * ?" })
class ConnectionRetentionIntegrationTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	ProcessConnections connections;

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduledRunDropsTheDaysPastRetentionAndKeepsTheRest() throws Exception {
		// given
		String ci = this.cmdb
			.create(new NewConfigurationItem("RETAIN-01", "server", null, null, Map.of("ip_address", "10.9.91.1"),
					null), "t")
			.id();
		Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(120, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
		Instant recent = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS);
		this.connections.record("scan-old", ci, List.of(sighting(old)), List.of(), old);
		this.connections.record("scan-recent", ci, List.of(sighting(recent)), List.of(), recent);
		// when
		this.scheduler.triggerJob(JobKey.jobKey(ConnectionRetentionRun.SCHEDULE, "nopesight"));
		// then
		Awaitility.await()
			.atMost(Duration.ofMinutes(3))
			.until(() -> !partitionExists("process_connection_" + day(old)));
		assertThat(partitionExists("process_connection_" + day(recent))).isTrue();
		assertThat(this.connections.groups(ci)).singleElement()
			.satisfies((group) -> assertThat(group.lastSeen()).isEqualTo(recent));
		assertThat(this.scheduler.getTrigger(TriggerKey.triggerKey(ConnectionRetentionRun.SCHEDULE, "nopesight")))
			.isInstanceOfSatisfying(CronTrigger.class,
					(trigger) -> assertThat(trigger.getCronExpression()).isEqualTo("0 30 3 * * ?"));
	}

	private static ObservedConnection sighting(Instant at) {
		return new ObservedConnection("java", 42, "10.9.91.1", 50400, "10.9.91.2", 5432, "TCP", "ESTABLISHED", at);
	}

	private boolean partitionExists(String name) {
		return this.jdbc.sql("SELECT to_regclass(:name) IS NOT NULL").param("name", name).query(Boolean.class).single();
	}

	private static String day(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyyMMdd").format(instant.atZone(ZoneOffset.UTC));
	}

}
