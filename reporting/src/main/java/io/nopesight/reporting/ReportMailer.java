package io.nopesight.reporting;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Writes and sends one recipient's e-mail of a report through Spring's mail sender (the SMTP server of
 * {@code spring.mail.*}): the file attached, or, over {@code nopesight.reporting.mail.max-attachment-size},
 * a link to download it.
 */
@Component
class ReportMailer {

	static final String ATTACHED = "attached";

	static final String LINKED = "linked";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

	private final ObjectProvider<JavaMailSender> senders;

	private final ReportingSettings settings;

	ReportMailer(ObjectProvider<JavaMailSender> senders, ReportingSettings settings) {
		this.senders = senders;
		this.settings = settings;
	}

	/**
	 * Whether there is an SMTP server to send to. Spring defines its sender whenever {@code spring.mail.host}
	 * is set, even to nothing, so a blank host counts as none.
	 */
	boolean configured() {
		JavaMailSender sender = this.senders.getIfAvailable();
		return sender != null && !(sender instanceof JavaMailSenderImpl impl && !StringUtils.hasText(impl.getHost()));
	}

	boolean attaches(StoredReport report) {
		return report.sizeBytes() != null && report.sizeBytes() <= this.settings.mail().maxAttachmentSize().toBytes();
	}

	/**
	 * Sends the report to one recipient and answers how: {@link #ATTACHED} or {@link #LINKED}.
	 * @param file the file's bytes when it is attached, else null
	 */
	String send(StoredReport report, @Nullable String scheduleName, String recipient, byte @Nullable [] file)
			throws MessagingException {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null || !configured()) {
			throw new IllegalStateException("No SMTP server is configured (spring.mail.host)");
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper mail = new MimeMessageHelper(message, file != null, "UTF-8");
		mail.setFrom(this.settings.mail().from());
		mail.setTo(recipient);
		mail.setSubject("NopeSight report: " + report.templateName() + " ("
				+ WHEN.format(report.asOf().atZone(report.zone())) + ")");
		mail.setText(body(report, scheduleName, file != null), false);
		if (file != null && report.fileName() != null) {
			mail.addAttachment(report.fileName(), new ByteArrayResource(file), report.format().contentType());
		}
		sender.send(message);
		return (file != null) ? ATTACHED : LINKED;
	}

	private String body(StoredReport report, @Nullable String scheduleName, boolean attached) {
		String link = this.settings.publicUrl().replaceAll("/+$", "") + "/v1/reports/" + report.id() + "/download";
		StringBuilder body = new StringBuilder();
		body.append("The report \"").append(report.templateName()).append("\" is ready: ")
			.append(report.format().key().toUpperCase(Locale.ROOT)).append(", ").append(report.rows()).append(" rows")
			.append((report.rows() != null && report.rows() == 0) ? " (empty)" : "").append(".\n\n");
		if (attached) {
			body.append("It is attached as ").append(report.fileName()).append(".\n");
		}
		else {
			body.append("It is too large to attach (").append(report.sizeBytes())
				.append(" bytes): download it with a token that has the reports.read scope.\n");
		}
		if (report.expiresAt() != null) {
			body.append("\nIt can be downloaded until ").append(WHEN.format(report.expiresAt().atZone(report.zone())))
				.append(":\n").append(link).append('\n');
		}
		if (scheduleName != null) {
			body.append("\nSent by the schedule \"").append(scheduleName).append("\" of ").append(report.createdBy())
				.append(".\n");
		}
		return body.toString();
	}

}
