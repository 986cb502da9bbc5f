package io.nopesight.batch.metric;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats an import reads.
 */
public enum MetricImportFormat {

	/** {@code ci,metric,timestamp,value} lines, with or without that header. */
	CSV("csv"),

	/** The Prometheus text exposition format (what {@code /metrics} endpoints serve). */
	PROMETHEUS("prometheus");

	private final String value;

	MetricImportFormat(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<MetricImportFormat> fromValue(String value) {
		return Arrays.stream(values()).filter((f) -> f.value.equals(value)).findFirst();
	}

}
