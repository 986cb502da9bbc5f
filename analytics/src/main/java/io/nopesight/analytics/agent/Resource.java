package io.nopesight.analytics.agent;

import java.util.Arrays;
import java.util.Optional;

/**
 * A resource a CI can be upgraded or right-sized in: its name in answers, the metric that measures its use (a
 * percentage), the attribute that records its size, and the unit an upgrade is counted in.
 */
enum Resource {

	CPU("cpu", "cpu_usage", "cpu_cores", " vCPU"), MEMORY("memory", "memory_usage", "memory_gb", "GB"),
	STORAGE("storage", "disk_usage", "disk_gb", "GB");

	private final String key;

	private final String metric;

	private final String sizeAttribute;

	private final String unit;

	Resource(String key, String metric, String sizeAttribute, String unit) {
		this.key = key;
		this.metric = metric;
		this.sizeAttribute = sizeAttribute;
		this.unit = unit;
	}

	String key() {
		return this.key;
	}

	String metric() {
		return this.metric;
	}

	String sizeAttribute() {
		return this.sizeAttribute;
	}

	/**
	 * An amount as answers show it: {@code "+8 vCPU"}, {@code "+32GB"}, {@code "-16GB"}.
	 */
	String amount(long units) {
		return ((units >= 0) ? "+" : "") + units + this.unit;
	}

	String size(long units) {
		return units + this.unit;
	}

	static Optional<Resource> ofMetric(String metric) {
		return Arrays.stream(values()).filter((r) -> r.metric.equals(metric)).findFirst();
	}

}
