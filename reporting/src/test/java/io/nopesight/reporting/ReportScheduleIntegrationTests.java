package io.nopesight.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.Page;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Report schedules on one node, with the test templates and renderer and a real SMTP server: stored with
 * their next run in their time zone, run by the clustered look for due schedules (every second here) once
 * the clock reaches them, their report delivered; run now; changed, listed, removed; and only their owner
 * (or an admin) sees them.
 */
@CoreIntegrationTest
@Import(TestReports.class)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "nopesight.reporting.schedule-cron=* * * * * ?",
		"nopesight.reporting.mail.poll-interval=100ms", "nopesight.work.poll-interval=100ms" })
class ReportScheduleIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final TestSmtp SMTP = new TestSmtp();

	private static final ReportViewer OWNER = new ReportViewer("olga@company.com", false);

	private static final ReportViewer ADMIN = new ReportViewer("root@company.com", true);

	@Autowired
	ReportSchedules schedules;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::port);
	}

	@BeforeAll
	static void startSmtp() {
		SMTP.start();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@AfterEach
	void letTheClockRun() {
		this.clock.unfreeze();
	}

	@Test
	void createWhenTheScheduleIsValidStoresItWithItsNextRunInItsTimeZone() {
		// given
		Instant now = this.clock.freeze();
		// when
		ScheduleView schedule = this.schedules.create(daily("Nightly inventory", "sched-create@example.com"),
				OWNER.owner());
		// then
		assertThat(schedule.id()).startsWith("sch_");
		assertThat(schedule.period()).isEqualTo(new SchedulePeriod("daily", "02:30", null, null));
		assertThat(schedule.cron()).isNull();
		assertThat(schedule.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(schedule.recipients()).containsExactly("sched-create@example.com");
		assertThat(schedule.nextRunAt()).isEqualTo(nextHalfPastTwoInBerlin(now));
		assertThat(schedule.createdBy()).isEqualTo(OWNER.owner());
		assertThat(this.schedules.get(schedule.id(), OWNER)).isEqualTo(schedule);
	}

	@Test
	void createWhenTheRequestIsWrongNamesEveryFieldAndStoresNothing() {
		// given
		long before = count();
		ScheduleRequest wrong = new ScheduleRequest(" ", "tpl_nothing", Map.of(), null, "0 15 3 * * ? 2030", null,
				"Berlin", new DeliveryRequest("email", Collections.nCopies(51, "x@example.com"), false), false, true);
		// when, then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.schedules.create(wrong, OWNER.owner()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactlyInAnyOrder("name", "cron", "template_id", "time_zone", "delivery.recipients"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void runWhenTheScheduleComesDueQueuesItsReportAsOfThatTimeAndSendsIt() throws Exception {
		// given
		ScheduleView schedule = this.schedules.create(daily("Due inventory", "sched-due@example.com"), OWNER.owner());
		Instant due = schedule.nextRunAt();
		// when: the clock reaches the run
		this.clock.advance(Duration.between(this.clock.instant(), due).plusSeconds(1));
		// then
		await().atMost(PATIENCE).until(() -> this.schedules.get(schedule.id(), OWNER).lastReportId() != null);
		ScheduleView ran = this.schedules.get(schedule.id(), OWNER);
		assertThat(ran.nextRunAt()).isEqualTo(nextHalfPastTwoInBerlin(due));
		assertThat(ran.lastError()).isNull();
		ReportView report = this.reports.get(ran.lastReportId(), OWNER);
		assertThat(report.scheduleId()).isEqualTo(schedule.id());
		assertThat(report.createdBy()).isEqualTo(OWNER.owner());
		assertThat(scheduledFor(report.id())).isEqualTo(due);
		await().atMost(PATIENCE)
			.until(() -> "sent".equals(this.reports.get(report.id(), OWNER).deliveries().get(0).status()));
		assertThat(SMTP.messagesTo("sched-due@example.com")).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).startsWith("NopeSight report: Test report ("));
	}

	@Test
	void runNowWhenAskedQueuesAReportAtOnceAndLeavesTheNextRunWhereItWas() {
		// given
		ScheduleView schedule = this.schedules.create(daily("On demand", "sched-now@example.com"), OWNER.owner());
		// when
		ReportAccepted accepted = this.schedules.runNow(schedule.id(), OWNER);
		// then
		assertThat(accepted.status()).isEqualTo(ReportStatus.GENERATING);
		ScheduleView after = this.schedules.get(schedule.id(), OWNER);
		assertThat(after.nextRunAt()).isEqualTo(schedule.nextRunAt());
		assertThat(after.lastReportId()).isEqualTo(accepted.reportId());
		assertThat(this.reports.get(accepted.reportId(), OWNER).scheduleId()).isEqualTo(schedule.id());
		assertThat(scheduledFor(accepted.reportId())).isNull();
	}

	@Test
	void updateWhenTheTimingChangesWorksOutTheNextRunAgainAndDeleteRemovesIt() {
		// given
		ScheduleView schedule = this.schedules.create(daily("Changing", "sched-update@example.com"), OWNER.owner());
		ScheduleRequest weekly = new ScheduleRequest("Changed", TestReportTemplates.AUDIT, Map.of("rows", 5), "csv",
				null, new SchedulePeriod("weekly", "08:00", "monday", null), "UTC", null, true, true);
		// when
		ScheduleView changed = this.schedules.update(schedule.id(), weekly, OWNER);
		// then
		assertThat(changed.name()).isEqualTo("Changed");
		assertThat(changed.templateId()).isEqualTo(TestReportTemplates.AUDIT);
		assertThat(changed.deliveryMethod()).isNull();
		assertThat(changed.recipients()).isEmpty();
		assertThat(changed.createdAt()).isEqualTo(schedule.createdAt());
		assertThat(changed.nextRunAt().atZone(ZoneId.of("UTC")).getDayOfWeek()).hasToString("MONDAY");
		// when
		this.schedules.delete(schedule.id(), OWNER);
		// then
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.schedules.get(schedule.id(), OWNER));
	}

	@Test
	void getWhenTheScheduleIsAnotherUsersIsNotFoundExceptForAnAdmin() {
		// given
		ScheduleView schedule = this.schedules.create(daily("Private", "sched-private@example.com"), OWNER.owner());
		ReportViewer other = new ReportViewer("peggy@company.com", false);
		// when, then
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.schedules.get(schedule.id(), other))
			.withMessage("Report schedule " + schedule.id() + " not found");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.schedules.runNow(schedule.id(), other));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.schedules.delete(schedule.id(), other));
		assertThat(this.schedules.get(schedule.id(), ADMIN).id()).isEqualTo(schedule.id());
	}

	@Test
	void listWhenFilteredByTemplatePagesOldestFirst() {
		// given
		ReportViewer quinn = new ReportViewer("quinn@company.com", false);
		this.clock.freeze();
		List<String> ids = List.of(create("Q1", quinn), create("Q2", quinn), create("Q3", quinn));
		// when
		Page<ScheduleView> first = this.schedules.list(new ScheduleQuery(quinn, null, null, 1, 2));
		Page<ScheduleView> audit = this.schedules.list(new ScheduleQuery(quinn, TestReportTemplates.AUDIT, null, 1, 2));
		Page<ScheduleView> asAdmin = this.schedules.list(new ScheduleQuery(ADMIN, null, quinn.owner(), 2, 2));
		// then
		assertThat(first.total()).isEqualTo(3);
		assertThat(first.items()).extracting(ScheduleView::name).containsExactly("Q1", "Q2");
		assertThat(audit.total()).isZero();
		assertThat(asAdmin.items()).extracting(ScheduleView::id).containsExactly(ids.get(2));
	}

	private String create(String name, ReportViewer owner) {
		String id = this.schedules.create(daily(name, "q@example.com"), owner.owner()).id();
		this.clock.advance(Duration.ofSeconds(1));
		return id;
	}

	static ScheduleRequest daily(String name, String recipient) {
		return new ScheduleRequest(name, TestReportTemplates.TEST, Map.of("label", name, "rows", 2), "csv", null,
				new SchedulePeriod("daily", "02:30", null, null), "Europe/Berlin",
				new DeliveryRequest("email", List.of(recipient), false), false, true);
	}

	private static Instant nextHalfPastTwoInBerlin(Instant after) {
		ZonedDateTime local = after.atZone(BERLIN);
		ZonedDateTime candidate = ZonedDateTime.ofLocal(local.toLocalDate().atTime(LocalTime.of(2, 30)), BERLIN, null);
		return candidate.toInstant().isAfter(after) ? candidate.toInstant()
				: ZonedDateTime.ofLocal(local.toLocalDate().plusDays(1).atTime(LocalTime.of(2, 30)), BERLIN, null)
					.toInstant();
	}

	private Instant scheduledFor(String reportId) {
		return this.jdbc.sql("SELECT scheduled_for FROM report WHERE id = :id")
			.param("id", reportId)
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.optional()
			.orElse(null);
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM report_schedule").query(Long.class).single();
	}

}
