package io.nopesight.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail delivery to a real SMTP server on loopback (GreenMail), with the test templates and renderer: the
 * file attached with its name and content type, or linked when it is over the attachment limit (16 KB here);
 * retries with back-off while the server is down, and exactly one e-mail once it is up; nothing for an empty
 * report that says to skip it; and each recipient's status on the report.
 */
@CoreIntegrationTest
@Import(TestReports.class)
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "nopesight.reporting.mail.max-attachment-size=16KB",
		"nopesight.reporting.mail.poll-interval=100ms", "nopesight.work.poll-interval=100ms",
		"nopesight.reporting.public-url=https://nopesight.example.com/" })
class ReportDeliveryIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final ReportViewer ADMIN = new ReportViewer("root@company.com", true);

	private static final TestSmtp SMTP = new TestSmtp();

	@Autowired
	Reports reports;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::port);
	}

	@BeforeEach
	void smtpIsUp() {
		SMTP.start();
	}

	@AfterEach
	void letTheClockRun() {
		this.clock.unfreeze();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void deliverWhenTheReportIsSmallAttachesItWithItsNameAndContentType() throws Exception {
		// given
		List<String> recipients = List.of("frank@example.com", "grace@example.com");
		// when
		String id = generate("mail-attached", 3, recipients, false);
		// then
		ReportView report = awaitDeliveries(id);
		assertThat(report.deliveries()).extracting(DeliveryView::recipient).containsExactlyElementsOf(recipients);
		assertThat(report.deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.status()).isEqualTo("sent");
			assertThat(delivery.mode()).isEqualTo("attached");
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.sentAt()).isNotNull();
		});
		for (String recipient : recipients) {
			List<MimeMessage> messages = SMTP.messagesTo(recipient);
			assertThat(messages).hasSize(1);
			assertThat(messages.get(0).getSubject()).startsWith("NopeSight report: Test report (");
			Part attachment = attachment(messages.get(0));
			assertThat(attachment.getFileName()).isEqualTo(report.fileName()).endsWith(".csv");
			assertThat(attachment.getContentType()).startsWith("text/csv");
			// text parts travel with CRLF line ends, as MIME has them
			assertThat(text(attachment.getInputStream()).replace("\r\n", "\n"))
				.isEqualTo(text(this.reports.download(id, ADMIN).content().get()));
		}
	}

	@Test
	void deliverWhenTheServerIsDownRetriesWithBackOffAndSendsOnceItIsUp() throws Exception {
		// given
		SMTP.stop();
		// on a whole microsecond, as the database keeps times
		Instant frozen = this.clock.freeze();
		Instant start = this.clock.advance(Duration.ofNanos(1000 - frozen.getNano() % 1000));
		// when
		String id = generate("mail-retried", 2, List.of("heidi@example.com"), false);
		// then: the first attempt fails and the next is a minute later; the second fails, the next two minutes on
		DeliveryView first = awaitDelivery(id, (delivery) -> delivery.attempts() == 1 && delivery.error() != null);
		assertThat(first.status()).isEqualTo("pending");
		assertThat(first.lastAttemptAt()).isEqualTo(start);
		assertThat(first.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(1));
		DeliveryView second = awaitDelivery(id, (delivery) -> delivery.attempts() == 2 && delivery.error() != null);
		assertThat(second.nextAttemptAt()).isEqualTo(second.lastAttemptAt().plus(Duration.ofMinutes(2)));
		assertThat(SMTP.messagesTo("heidi@example.com")).isEmpty();
		// when: the server is back, and the next attempt is due
		SMTP.start();
		this.clock.advance(Duration.ofMinutes(2));
		// then
		DeliveryView sent = awaitDelivery(id, (delivery) -> "sent".equals(delivery.status()));
		assertThat(sent.attempts()).isEqualTo(3);
		assertThat(sent.error()).isNull();
		assertThat(sent.nextAttemptAt()).isNull();
		assertThat(SMTP.messagesTo("heidi@example.com")).hasSize(1);
	}

	@Test
	void deliverWhenTheReportIsEmptyAndSaysSoSkipsTheEmailButSendsTheOneThatDoesNot() throws Exception {
		// when
		String skipped = generate("mail-empty-skipped", 0, List.of("ivan@example.com"), true);
		String sent = generate("mail-empty-sent", 0, List.of("judy@example.com"), false);
		// then
		ReportView skippedReport = awaitDeliveries(skipped);
		assertThat(skippedReport.empty()).isTrue();
		assertThat(skippedReport.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.status()).isEqualTo("skipped");
			assertThat(delivery.attempts()).isZero();
		});
		assertThat(awaitDeliveries(sent).deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.status()).isEqualTo("sent"));
		assertThat(SMTP.messagesTo("judy@example.com")).hasSize(1);
		assertThat(SMTP.messagesTo("ivan@example.com")).isEmpty();
	}

	@Test
	void deliverWhenTheFileIsOverTheAttachmentLimitLinksToItsDownload() throws Exception {
		// when: some 80 KB of rows
		String id = generate("mail-linked", 1500, List.of("mallory@example.com"), false);
		// then
		ReportView report = awaitDeliveries(id);
		assertThat(report.sizeBytes()).isGreaterThan(16 * 1024);
		assertThat(report.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.status()).isEqualTo("sent");
			assertThat(delivery.mode()).isEqualTo("linked");
		});
		MimeMessage message = SMTP.messagesTo("mallory@example.com").get(0);
		assertThat(message.getContent()).isInstanceOf(String.class);
		assertThat((String) message.getContent()).contains("too large to attach")
			.contains("https://nopesight.example.com/v1/reports/" + id + "/download");
	}

	private String generate(String label, int rows, List<String> recipients, boolean skipIfEmpty) {
		return this.reports
			.generate(new ReportRequest(TestReportTemplates.TEST, Map.of("label", label, "rows", rows), "csv",
					new DeliveryRequest("email", recipients, skipIfEmpty), null, false, "ops@company.com"))
			.reportId();
	}

	private ReportView awaitDeliveries(String id) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.reports.get(id, ADMIN)
				.deliveries()
				.stream()
				.noneMatch((delivery) -> "pending".equals(delivery.status())));
		return this.reports.get(id, ADMIN);
	}

	private DeliveryView awaitDelivery(String id, Predicate<DeliveryView> condition) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> condition.test(this.reports.get(id, ADMIN).deliveries().get(0)));
		return this.reports.get(id, ADMIN).deliveries().get(0);
	}

	private static Part attachment(MimeMessage message) throws IOException, MessagingException {
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
		}
		throw new AssertionError("no attachment in " + multipart.getContentType());
	}

	private static String text(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
