package io.nopesight.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a report stands: queued or rendering, ready to download until it expires, or failed.
 */
public enum ReportStatus {

	GENERATING, COMPLETED, FAILED, EXPIRED;

	/** As the API writes it: {@code generating}, {@code completed}, {@code failed}, {@code expired}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ReportStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((status) -> status.value().equals(value)).findFirst();
	}

}
