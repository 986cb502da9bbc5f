package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.ConflictException;
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
 * The report queue on one node against real PostgreSQL, with the test templates and renderer
 * ({@link TestReports}): a request is answered at once and rendered by a worker, its file kept in the database
 * and {@code report.completed} published with it; a failed render, a wrong request, who sees what, the list's
 * filters, expiry and the cleanup. No SMTP server is configured here.
 */
@CoreIntegrationTest
@Import(TestReports.class)
@TestPropertySource(properties = "nopesight.work.poll-interval=100ms")
class ReportQueueIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final ReportViewer ADMIN = new ReportViewer("root@company.com", true);

	@Autowired
	Reports reports;

	@Autowired
	ExpiredReports expired;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void letTheClockRun() {
		this.clock.unfreeze();
	}

	@Test
	void generateWhenTheRequestIsValidAnswersAtOnceAndAWorkerCompletesTheReport() throws IOException {
		// given
		ReportRequest request = request("queue-basic", 2, "ann@company.com");
		// when
		ReportAccepted accepted = this.reports.generate(request);
		// then
		assertThat(accepted.reportId()).startsWith("rpt_");
		assertThat(accepted.status()).isEqualTo(ReportStatus.GENERATING);
		assertThat(accepted.estimatedCompletion()).isAfter(this.clock.instant().minusSeconds(1));
		ReportView report = awaitEnd(accepted.reportId(), ADMIN);
		assertThat(report.status()).isEqualTo(ReportStatus.COMPLETED);
		assertThat(report.format()).as("the template's first format").isEqualTo(ReportFormat.CSV);
		assertThat(report.rows()).isEqualTo(2);
		assertThat(report.empty()).isFalse();
		assertThat(report.expiresAt()).isEqualTo(report.completedAt().plus(Duration.ofDays(7)));
		assertThat(report.fileName()).matches("test-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv");
		assertThat(report.deliveries()).isEmpty();
		String csv = content(this.reports.download(accepted.reportId(), ADMIN));
		assertThat(csv.lines()).hasSize(3).first().isEqualTo("n,label,as_of,zone,requested_by");
		assertThat(csv).contains(",queue-basic,", ",UTC,ann@company.com");
		assertThat(report.sizeBytes()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
		assertThat(TestReportRendering.renders("queue-basic")).isEqualTo(1);
		assertThat(events(accepted.reportId())).containsExactly("report.completed");
	}

	@Test
	void generateWhenTheRenderFailsMarksTheReportFailedWithTheReason() {
		// given
		ReportRequest request = new ReportRequest(TestReportTemplates.TEST,
				Map.of("label", "queue-fails", "mode", "fail"), "html", null, "Europe/Berlin", false, "ann@company.com");
		// when
		ReportAccepted accepted = this.reports.generate(request);
		// then
		ReportView report = awaitEnd(accepted.reportId(), ADMIN);
		assertThat(report.status()).isEqualTo(ReportStatus.FAILED);
		assertThat(report.error()).isEqualTo("tpl_test was asked to fail");
		assertThat(report.completedAt()).isNotNull();
		assertThat(events(accepted.reportId())).containsExactly("report.failed");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.reports.download(accepted.reportId(), ADMIN))
			.withMessageContaining("failed");
	}

	@Test
	void generateWhenTheRequestIsWrongNamesEveryFieldAndStoresNothing() {
		// given
		long before = count();
		ReportRequest unknown = new ReportRequest("tpl_nothing", Map.of(), null, null, null, false, "ann@company.com");
		ReportRequest wrong = new ReportRequest(TestReportTemplates.TEST, Map.of("rows", "many", "colour", "red"),
				"pdf", new DeliveryRequest("email", List.of("not-an-address"), false), "Mars/Olympus", false,
				"ann@company.com");
		ReportRequest unknownMethod = new ReportRequest(TestReportTemplates.TEST, Map.of(), "csv",
				new DeliveryRequest("fax", List.of(), false), null, false, "ann@company.com");
		// when, then
		assertThat(fields(unknown)).containsExactly("template_id");
		assertThat(fields(wrong)).containsExactlyInAnyOrder("time_zone", "delivery.method", "delivery.recipients[0]",
				"format", "parameters.rows", "parameters.colour");
		assertThat(fields(unknownMethod)).containsExactly("delivery.method");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void getWhenTheReportIsAnotherUsersShowsItOnlyWhenItIsShared() {
		// given
		String own = this.reports.generate(request("queue-private", 1, "alice@company.com")).reportId();
		String shared = this.reports.generate(new ReportRequest(TestReportTemplates.TEST, Map.of("rows", 1), null, null,
				null, true, "alice@company.com")).reportId();
		ReportViewer bob = new ReportViewer("bob@company.com", false);
		// when, then
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.reports.get(own, bob))
			.withMessage("Report " + own + " not found");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.reports.download(own, bob));
		assertThat(this.reports.get(shared, bob).shared()).isTrue();
		assertThat(this.reports.get(own, new ReportViewer("alice@company.com", false)).id()).isEqualTo(own);
		assertThat(this.reports.get(own, ADMIN).createdBy()).isEqualTo("alice@company.com");
	}

	@Test
	void listWhenFilteredByCategoryCreatorAndSharedPagesNewestFirst() {
		// given: carol's four (one shared, one filed under audit) and dave's two (one shared)
		this.clock.freeze();
		List<String> carols = List.of(generate("carol@company.com", TestReportTemplates.TEST, false),
				generate("carol@company.com", TestReportTemplates.TEST, true),
				generate("carol@company.com", TestReportTemplates.AUDIT, false),
				generate("carol@company.com", TestReportTemplates.TEST, false));
		String davesShared = generate("dave@company.com", TestReportTemplates.AUDIT, true);
		generate("dave@company.com", TestReportTemplates.TEST, false);
		ReportViewer carol = new ReportViewer("carol@company.com", false);
		// when
		Page<ReportView> own = this.reports.list(new ReportQuery(carol, null, null, false, 1, 20));
		Page<ReportView> audit = this.reports.list(new ReportQuery(carol, "audit", null, false, 1, 20));
		Page<ReportView> davesForCarol = this.reports.list(new ReportQuery(carol, null, "dave@company.com", true, 1, 20));
		Page<ReportView> second = this.reports.list(new ReportQuery(carol, null, null, false, 2, 3));
		Page<ReportView> davesForAdmin = this.reports.list(new ReportQuery(ADMIN, null, "dave@company.com", true, 1, 20));
		// then
		assertThat(own.items()).extracting(ReportView::id).containsExactly(carols.get(3), carols.get(2), carols.get(1), carols.get(0));
		assertThat(own.total()).isEqualTo(4);
		assertThat(audit.items()).extracting(ReportView::id).containsExactly(carols.get(2));
		assertThat(davesForCarol.items()).extracting(ReportView::id).containsExactly(davesShared);
		assertThat(second.items()).extracting(ReportView::id).containsExactly(carols.get(0));
		assertThat(second.total()).isEqualTo(4);
		assertThat(second.pages()).isEqualTo(2);
		assertThat(davesForAdmin.total()).isEqualTo(2);
	}

	@Test
	void downloadWhenTheReportHasExpiredIsGoneAndTheCleanupRemovesItsFile() {
		// given
		String id = this.reports.generate(request("queue-expiry", 4, "erin@company.com")).reportId();
		ReportView completed = awaitEnd(id, ADMIN);
		this.clock.freeze();
		// when
		this.clock.advance(Duration.between(this.clock.instant(), completed.expiresAt()));
		// then
		assertThat(this.reports.get(id, ADMIN).status()).isEqualTo(ReportStatus.EXPIRED);
		assertThatExceptionOfType(ReportExpiredException.class).isThrownBy(() -> this.reports.download(id, ADMIN))
			.withMessageContaining("expired at " + completed.expiresAt());
		// when
		int removed = this.expired.remove();
		// then
		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM report WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("expired");
		assertThat(this.jdbc.sql("SELECT count(*) FROM report_content WHERE report_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.expired.remove()).isZero();
	}

	@Test
	void generateWhenAFormatIsNamedRendersThatFormat() throws IOException {
		// given
		ReportRequest request = new ReportRequest(TestReportTemplates.TEST, Map.of("label", "queue-html"), "HTML", null,
				null, false, "ann@company.com");
		// when
		String id = this.reports.generate(request).reportId();
		// then
		assertThat(awaitEnd(id, ADMIN).fileName()).endsWith(".html");
		ReportFile file = this.reports.download(id, ADMIN);
		assertThat(file.format()).isEqualTo(ReportFormat.HTML);
		assertThat(content(file)).startsWith("<html>").contains("<td>queue-html</td>");
	}

	private String generate(String owner, String template, boolean shared) {
		String id = this.reports.generate(new ReportRequest(template, Map.of("rows", 1), null, null, null, shared, owner))
			.reportId();
		this.clock.advance(Duration.ofSeconds(1));
		return id;
	}

	private ReportView awaitEnd(String id, ReportViewer viewer) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.reports.get(id, viewer).status() != ReportStatus.GENERATING);
		return this.reports.get(id, viewer);
	}

	private List<String> fields(ReportRequest request) {
		try {
			this.reports.generate(request);
		}
		catch (InvalidInputException ex) {
			return ex.errors().stream().map(FieldError::field).toList();
		}
		throw new AssertionError("the request was accepted");
	}

	private List<String> events(String reportId) {
		return this.jdbc.sql("SELECT event_type FROM domain_event WHERE aggregate_id = :id ORDER BY seq")
			.param("id", reportId)
			.query(String.class)
			.list();
	}

	private long count() {
		return this.jdbc.sql("SELECT (SELECT count(*) FROM report) + (SELECT count(*) FROM work_item)")
			.query(Long.class)
			.single();
	}

	private static String content(ReportFile file) throws IOException {
		try (InputStream in = file.content().get()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static ReportRequest request(String label, int rows, String owner) {
		return new ReportRequest(TestReportTemplates.TEST, Map.of("label", label, "rows", rows), null, null, null,
				false, owner);
	}

}
