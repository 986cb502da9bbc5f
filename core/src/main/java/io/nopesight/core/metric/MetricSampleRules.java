package io.nopesight.core.metric;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Timestamps;

/**
 * What a sample must be to be stored, however it arrives (the JSON API, Prometheus remote write, file
 * imports): a CI, a metric name of 1 to 200 characters, a time, a finite value and labels that map names
 * to strings ({@link #fieldProblem}), and a time inside the kept window: no further ahead than
 * {@code nopesight.metrics.max-future-skew}, no older than the hourly retention ({@link #windowProblem}).
 * Each check answers why a sample breaks a rule, or {@code null}; the answer is what a skipped sample
 * reports.
 */
public final class MetricSampleRules {

	public static final int MAX_METRIC_LENGTH = 200;

	private final MetricSettings settings;

	private final Instant now;

	/**
	 * Rules that judge times against {@code now}, read once so that one request or import judges all its
	 * samples alike.
	 */
	public MetricSampleRules(MetricSettings settings, Instant now) {
		this.settings = settings;
		this.now = now;
	}

	/**
	 * Why a sample as it was given (its CI still a reference) breaks a rule on its fields, or {@code null}.
	 */
	public static @Nullable String fieldProblem(@Nullable String ci, @Nullable String metric,
			@Nullable Instant timestamp, @Nullable Double value, @Nullable Map<String, ? extends @Nullable String> labels) {
		String problem = ciProblem(ci);
		if (problem == null) {
			problem = metricProblem(metric);
		}
		if (problem == null && timestamp == null) {
			problem = "timestamp is required: " + Timestamps.FORMS;
		}
		if (problem == null) {
			problem = (value != null) ? valueProblem(value) : "value is required";
		}
		if (problem == null && labels != null && labels.values().stream().anyMatch(Objects::isNull)) {
			problem = "labels must map names to strings";
		}
		return problem;
	}

	public static @Nullable String ciProblem(@Nullable String ci) {
		if (ci == null) {
			return "ci is required";
		}
		return ci.isBlank() ? "ci is empty" : null;
	}

	public static @Nullable String metricProblem(@Nullable String metric) {
		if (metric == null) {
			return "metric is required (1 to " + MAX_METRIC_LENGTH + " characters)";
		}
		String name = metric.strip();
		return (name.isEmpty() || name.length() > MAX_METRIC_LENGTH)
				? "metric name must be 1 to " + MAX_METRIC_LENGTH + " characters" : null;
	}

	public static @Nullable String valueProblem(double value) {
		return Double.isFinite(value) ? null : "value must be a finite number";
	}

	/**
	 * Why the store cannot keep a value at that time (a value that is not finite, a time outside the kept
	 * window), or {@code null} when it can.
	 */
	public @Nullable String windowProblem(Instant timestamp, double value) {
		String problem = valueProblem(value);
		if (problem != null) {
			return problem;
		}
		if (timestamp.isAfter(this.now.plus(this.settings.maxFutureSkew()))) {
			return "timestamp " + timestamp + " is more than " + this.settings.maxFutureSkew().toHours()
					+ "h in the future";
		}
		if (timestamp.isBefore(this.now.minus(this.settings.hourlyRetention()))) {
			return "timestamp " + timestamp + " is older than the " + this.settings.hourlyRetention().toDays()
					+ "-day retention";
		}
		return null;
	}

}
