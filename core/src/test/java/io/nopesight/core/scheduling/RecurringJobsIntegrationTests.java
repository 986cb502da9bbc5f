package io.nopesight.core.scheduling;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.CoreTestApplication;
import io.nopesight.core.PostgresForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

// a short cluster check-in, so that a dead node is noticed in seconds, not the default's 15; and a short idle
// wait, so that a node sees a schedule made on the other within a second, not the default's 30. Its own
// context: the other node joins this one's schema and scheduler.
@CoreIntegrationTest
@TestPropertySource(properties = { RecurringJobsIntegrationTests.CHECKIN + "=1000",
		RecurringJobsIntegrationTests.IDLE_WAIT + "=1000" })
class RecurringJobsIntegrationTests {

	static final String CHECKIN = "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval";

	static final String IDLE_WAIT = "spring.quartz.properties.org.quartz.scheduler.idleWaitTime";

	// waits for work on a machine of any speed: the ceilings only stop a test that would never end
	private static final Duration CEILING = Duration.ofMinutes(3);

	static final ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();

	@Autowired
	RecurringJobs recurringJobs;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void scheduleWhenTheCronComesDueRunsTheJobWithItsDependenciesInjected() throws Exception {
		// given
		runs.clear();
		// when
		this.recurringJobs.schedule("every-second", CountingJob.class, "* * * * * ?", ZoneOffset.UTC);
		// then
		await().atMost(CEILING).until(() -> runs.size() >= 2);
		assertThat(runs).allMatch((run) -> run.startsWith("every-second by "));
		assertThat(this.jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'every-second'")
			.query(Long.class)
			.single()).as("kept in PostgreSQL").isEqualTo(1);
		// when
		this.recurringJobs.schedule("every-second", CountingJob.class, RecurringJobs.DISABLED, ZoneOffset.UTC);
		// then
		assertThat(this.scheduler.checkExists(JobKey.jobKey("every-second", QuartzRecurringJobs.GROUP))).isFalse();
	}

	@Test
	void scheduleWhenTwoNodesShareTheDatabaseRunsEachFireOnOneNodeAndTheOtherTakesOverWhenOneDies()
			throws Exception {
		// given: a second node, in a JVM of its own, on the same schema and scheduler; this one in standby
		this.jdbc.sql("CREATE TABLE clustered_firing (fire_time timestamptz NOT NULL, instance text NOT NULL)").update();
		String self = this.scheduler.getSchedulerInstanceId();
		Process other = startSecondNode();
		try {
			awaitCheckedInNodes(2, other);
			this.scheduler.standby();
			// when
			this.recurringJobs.schedule("clustered", FiringJob.class, "* * * * * ?", ZoneOffset.UTC);
			awaitFirings("instance <> :self", self, 3);
			this.scheduler.start();
			other.destroyForcibly().waitFor();
			// then: this node recovers what the dead one held and goes on
			awaitFirings("instance = :self", self, 3);
		}
		finally {
			this.recurringJobs.schedule("clustered", FiringJob.class, RecurringJobs.DISABLED, ZoneOffset.UTC);
			other.destroyForcibly().waitFor();
		}
		assertThat(this.jdbc.sql("SELECT count(*) - count(DISTINCT fire_time) FROM clustered_firing")
			.query(Long.class)
			.single()).as("fires that ran twice").isZero();
	}

	private void awaitFirings(String condition, String self, int count) {
		await().atMost(CEILING)
			.pollInterval(Duration.ofMillis(200))
			.alias(count + " firings where " + condition + " (self " + self + ")")
			.until(() -> this.jdbc.sql("SELECT count(*) FROM clustered_firing WHERE " + condition)
				.param("self", self)
				.query(Long.class)
				.single() >= count);
	}

	private Process startSecondNode() throws IOException {
		Path dataDir = PostgresForTests.freshDataDir();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), CoreTestApplication.class.getName(),
				"--spring.main.keep-alive=true", "--nopesight.db.pool-size=3",
				"--nopesight.db.url=" + this.environment.getRequiredProperty("nopesight.db.url"),
				"--nopesight.db.user=" + this.environment.getRequiredProperty("nopesight.db.user"),
				"--spring.quartz.scheduler-name=" + this.environment.getRequiredProperty("spring.quartz.scheduler-name"),
				"--" + CHECKIN + "=" + this.environment.getRequiredProperty(CHECKIN),
				"--" + IDLE_WAIT + "=" + this.environment.getRequiredProperty(IDLE_WAIT),
				"--nopesight.data-dir=" + dataDir);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("second-node.log").toFile())
			.start();
	}

	private void awaitCheckedInNodes(int nodes, Process other) {
		await().atMost(CEILING)
			.pollInterval(Duration.ofMillis(250))
			.failFast("the second node exited (see second-node.log under target/test-data)", () -> !other.isAlive())
			.alias("the second node joins the cluster (see second-node.log under target/test-data)")
			.until(() -> this.jdbc.sql("SELECT count(*) FROM qrtz_scheduler_state").query(Long.class)
				.single() >= nodes);
	}

	@Test
	void scheduleWhenTheCronIsNotQuartzSyntaxSaysSoAndStoresNothing() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.recurringJobs.schedule("bad", CountingJob.class, "0 15 3 * * *", ZoneOffset.UTC))
			.withMessageContaining("not a Quartz cron expression ('0 15 3 * * *'");
		assertThat(this.scheduler.checkExists(JobKey.jobKey("bad", QuartzRecurringJobs.GROUP))).isFalse();
	}

	/**
	 * Records each run's scheduled fire time and the node that ran it, in the database both nodes share.
	 */
	static class FiringJob extends QuartzJobBean {

		private final JdbcClient jdbc;

		FiringJob(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
			try {
				this.jdbc.sql("INSERT INTO clustered_firing (fire_time, instance) VALUES (:at, :instance)")
					.param("at", Timestamp.from(context.getScheduledFireTime().toInstant()))
					.param("instance", context.getScheduler().getSchedulerInstanceId())
					.update();
			}
			catch (SchedulerException ex) {
				throw new JobExecutionException(ex);
			}
		}

	}

	/**
	 * Records each run, naming the bean the scheduler injected into it.
	 */
	static class CountingJob extends QuartzJobBean {

		private final JdbcClient jdbc;

		CountingJob(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			runs.add(context.getJobDetail().getKey().getName() + " by " + this.jdbc.getClass().getSimpleName());
		}

	}

}
