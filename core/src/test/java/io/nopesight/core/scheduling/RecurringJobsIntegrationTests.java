package io.nopesight.core.scheduling;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class RecurringJobsIntegrationTests {

	static final ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	RecurringJobs recurringJobs;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduleWhenTheCronComesDueRunsTheJobWithItsDependenciesInjected() throws Exception {
		// given
		runs.clear();
		// when
		this.recurringJobs.schedule("every-second", CountingJob.class, "* * * * * ?", ZoneOffset.UTC);
		// then
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (runs.size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(runs).hasSizeGreaterThanOrEqualTo(2).allMatch((run) -> run.startsWith("every-second by "));
		assertThat(this.jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'every-second'")
			.query(Long.class)
			.single()).as("kept in PostgreSQL").isEqualTo(1);
		// when
		this.recurringJobs.schedule("every-second", CountingJob.class, RecurringJobs.DISABLED, ZoneOffset.UTC);
		// then
		assertThat(this.scheduler.checkExists(JobKey.jobKey("every-second", QuartzRecurringJobs.GROUP))).isFalse();
	}

	@Test
	void scheduleWhenTheCronIsNotQuartzSyntaxSaysSoAndStoresNothing() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.recurringJobs.schedule("bad", CountingJob.class, "0 15 3 * * *", ZoneOffset.UTC))
			.withMessageContaining("not a Quartz cron expression ('0 15 3 * * *'");
		assertThat(this.scheduler.checkExists(JobKey.jobKey("bad", QuartzRecurringJobs.GROUP))).isFalse();
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
