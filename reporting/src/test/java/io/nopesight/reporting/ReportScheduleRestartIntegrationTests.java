package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nopesight.core.PostgresForTests;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schedule outlives the application: made on one node, which then stops; while no node runs, three of its
 * times pass; the next node to start (an application context of its own on the same schema, {@link
 * ReportingNode}) runs it once, for the latest time it missed, and its e-mail arrives once.
 */
class ReportScheduleRestartIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final ReportViewer OWNER = new ReportViewer("rita@company.com", false);

	private final String url = PostgresForTests.freshSchemaUrl();

	private final TestClock clock = new TestClock();

	private final TestSmtp smtp = new TestSmtp();

	@BeforeEach
	void startSmtp() {
		this.smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void runWhenTimesWereMissedWhileNoNodeWasUpRunsOnceAfterTheNextStartAndSendsOnce() throws Exception {
		// given
		ScheduleView schedule;
		try (ReportingNode first = node()) {
			schedule = first.bean(ReportSchedules.class)
				.create(ReportScheduleIntegrationTests.daily("Survives restarts", "restart@example.com"), OWNER.owner());
		}
		// when: three nightly runs pass while no node is up, then a node starts
		Instant thirdMissed = schedule.nextRunAt().plus(Duration.ofDays(2));
		this.clock.advance(Duration.between(this.clock.instant(), thirdMissed).plusHours(1));
		try (ReportingNode next = node()) {
			// then
			ReportSchedules schedules = next.bean(ReportSchedules.class);
			await().atMost(PATIENCE).until(() -> schedules.get(schedule.id(), OWNER).lastReportId() != null);
			ScheduleView ran = schedules.get(schedule.id(), OWNER);
			assertThat(ran.nextRunAt()).isEqualTo(thirdMissed.plus(Duration.ofDays(1)));
			JdbcClient jdbc = next.bean(JdbcClient.class);
			List<Instant> runs = jdbc.sql("SELECT scheduled_for FROM report WHERE schedule_id = :id")
				.param("id", schedule.id())
				.query((rs, n) -> rs.getTimestamp(1).toInstant())
				.list();
			assertThat(runs).containsExactly(thirdMissed);
			Reports reports = next.bean(Reports.class);
			await().atMost(PATIENCE)
				.until(() -> "sent".equals(reports.get(ran.lastReportId(), OWNER).deliveries().get(0).status()));
			assertThat(this.smtp.messagesTo("restart@example.com")).hasSize(1);
		}
	}

	// one cluster, one node at a time: the same Quartz scheduler name
	private ReportingNode node() {
		return ReportingNode.start(this.url, "restart-" + Integer.toHexString(this.url.hashCode()), this.clock,
				"spring.mail.host=127.0.0.1", "spring.mail.port=" + this.smtp.port(),
				"nopesight.reporting.schedule-cron=* * * * * ?", "nopesight.reporting.mail.poll-interval=100ms");
	}

}
