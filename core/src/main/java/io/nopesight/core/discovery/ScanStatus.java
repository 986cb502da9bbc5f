package io.nopesight.core.discovery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a scan's job is: queued until the job starts, then running, then completed or failed.
 */
public enum ScanStatus {

	QUEUED, RUNNING, COMPLETED, FAILED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ScanStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equals(value)).findFirst();
	}

}
