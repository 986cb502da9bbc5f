package io.nopesight.reporting;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a report is rendered in, with the content type and file extension it is downloaded with.
 */
public enum ReportFormat {

	PDF("application/pdf"), CSV("text/csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	HTML("text/html");

	private final String contentType;

	ReportFormat(String contentType) {
		this.contentType = contentType;
	}

	/** As the API writes it: {@code pdf}, {@code csv}, {@code xlsx}, {@code html}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return key();
	}

	public static Optional<ReportFormat> of(String key) {
		for (ReportFormat format : values()) {
			if (format.key().equalsIgnoreCase(key.strip())) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
