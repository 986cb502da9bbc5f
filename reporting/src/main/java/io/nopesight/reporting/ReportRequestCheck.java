package io.nopesight.reporting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;

/**
 * Checks what a report request and a schedule have in common (template, parameters, format, delivery, time
 * zone) and answers every wrong field at once, before anything is stored.
 */
@Component
class ReportRequestCheck {

	static final String EMAIL = "email";

	static final String DOWNLOAD = "download";

	// named, so that a report or schedule without a zone shows "UTC", not the offset's "Z"
	static final ZoneId UTC = ZoneId.of("UTC");

	private final ReportTemplates templates;

	private final ReportingSettings settings;

	private final ReportMailer mailer;

	ReportRequestCheck(ReportTemplates templates, ReportingSettings settings, ReportMailer mailer) {
		this.templates = templates;
		this.settings = settings;
		this.mailer = mailer;
	}

	/**
	 * The request checked, or an {@link InvalidInputException} with its errors and those the caller found
	 * before ({@code errors}).
	 * @param now what relative parameters ({@code last_7_days}) are read against
	 */
	CheckedReport check(@Nullable String templateId, @Nullable Map<String, Object> parameters, @Nullable String format,
			@Nullable DeliveryRequest delivery, @Nullable String timeZone, Instant now, List<FieldError> errors) {
		ZoneId zone = zone(timeZone, errors);
		CheckedDelivery checkedDelivery = delivery(delivery, errors);
		Map<String, Object> given = (parameters != null) ? new LinkedHashMap<>(parameters) : new LinkedHashMap<>();
		ReportTemplate template = template(templateId, errors);
		ReportFormat checkedFormat = null;
		if (template != null) {
			checkedFormat = format(template, format, errors);
			try {
				this.templates.validate(template.id(), given, now, zone);
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty() || template == null || checkedFormat == null) {
			throw new InvalidInputException(errors);
		}
		return new CheckedReport(template, checkedFormat, given, zone, checkedDelivery);
	}

	private @Nullable ReportTemplate template(@Nullable String templateId, List<FieldError> errors) {
		if (templateId == null || templateId.isBlank()) {
			errors.add(new FieldError("template_id", "template_id is required; GET /v1/reports/templates lists them"));
			return null;
		}
		ReportTemplate template = this.templates.find(templateId.strip()).orElse(null);
		if (template == null) {
			errors.add(new FieldError("template_id",
					"Unknown template '" + templateId + "'; GET /v1/reports/templates lists them"));
		}
		return template;
	}

	private static @Nullable ReportFormat format(ReportTemplate template, @Nullable String format,
			List<FieldError> errors) {
		if (format == null || format.isBlank()) {
			return template.formats().get(0);
		}
		ReportFormat parsed = ReportFormat.of(format).orElse(null);
		if (parsed == null || !template.formats().contains(parsed)) {
			errors.add(new FieldError("format", "Invalid format '" + format + "' for " + template.id() + ": use one of "
					+ template.formats().stream().map(ReportFormat::key).collect(Collectors.joining(", "))));
			return null;
		}
		return parsed;
	}

	private static ZoneId zone(@Nullable String timeZone, List<FieldError> errors) {
		if (timeZone == null || timeZone.isBlank()) {
			return UTC;
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("time_zone",
					"Unknown time zone '" + timeZone + "': use an IANA name such as Europe/Berlin, or UTC"));
			return UTC;
		}
	}

	private CheckedDelivery delivery(@Nullable DeliveryRequest delivery, List<FieldError> errors) {
		if (delivery == null || delivery.method() == null || delivery.method().isBlank()) {
			if (delivery != null && delivery.recipients() != null && !delivery.recipients().isEmpty()) {
				errors.add(new FieldError("delivery.method", "delivery.method is required with recipients: use email"));
			}
			return CheckedDelivery.NONE;
		}
		String method = delivery.method().strip().toLowerCase(Locale.ROOT);
		if (DOWNLOAD.equals(method)) {
			if (delivery.recipients() != null && !delivery.recipients().isEmpty()) {
				errors.add(new FieldError("delivery.recipients", "recipients are only for delivery method email"));
			}
			return new CheckedDelivery(DOWNLOAD, List.of(), false);
		}
		if (!EMAIL.equals(method)) {
			errors.add(new FieldError("delivery.method", "Invalid delivery method '" + delivery.method()
					+ "': use email or download"));
			return CheckedDelivery.NONE;
		}
		if (!this.mailer.configured()) {
			errors.add(new FieldError("delivery.method",
					"e-mail delivery is not set up on this server (no SMTP host: spring.mail.host)"));
		}
		return new CheckedDelivery(EMAIL, recipients(delivery.recipients(), errors), delivery.skipIfEmpty());
	}

	private List<String> recipients(@Nullable List<String> recipients, List<FieldError> errors) {
		if (recipients == null || recipients.isEmpty()) {
			errors.add(new FieldError("delivery.recipients", "at least one recipient is required for method email"));
			return List.of();
		}
		if (recipients.size() > this.settings.maxRecipients()) {
			errors.add(new FieldError("delivery.recipients",
					"at most " + this.settings.maxRecipients() + " recipients, not " + recipients.size()));
			return List.of();
		}
		Set<String> checked = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < recipients.size(); i++) {
			String address = address(recipients.get(i));
			if (address == null) {
				errors.add(new FieldError("delivery.recipients[" + i + "]",
						"Invalid e-mail address '" + recipients.get(i) + "'"));
			}
			else if (seen.add(address.toLowerCase(Locale.ROOT))) {
				checked.add(address);
			}
		}
		return new ArrayList<>(checked);
	}

	// a plain address (name@domain), no display name, no group
	private static @Nullable String address(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			InternetAddress address = new InternetAddress(text.strip(), true);
			address.validate();
			boolean plain = address.getPersonal() == null && address.getAddress().equals(text.strip())
					&& address.getAddress().indexOf('@') > 0;
			return plain ? address.getAddress() : null;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/**
	 * A request that passed: the template, the format, the parameters as given (each run reads them against
	 * its own time), the time zone and the delivery.
	 */
	record CheckedReport(ReportTemplate template, ReportFormat format, Map<String, Object> parameters, ZoneId zone,
			CheckedDelivery delivery) {
	}

	/**
	 * The delivery checked: {@code method} null when none was asked for.
	 */
	record CheckedDelivery(@Nullable String method, List<String> recipients, boolean skipIfEmpty) {

		static final CheckedDelivery NONE = new CheckedDelivery(null, List.of(), false);

	}

}
