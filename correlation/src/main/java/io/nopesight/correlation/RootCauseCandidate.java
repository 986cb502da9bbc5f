package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A CI that may have caused an incident, with how sure the ranking is ({@code confidence}, the candidates'
 * share of belief, summing to at most 1) and the evidence: how many of the incident's alerting CIs its
 * failure reaches and the way it reaches the farthest ({@code path}, CI names), when it first alerted
 * ({@code firstAlertAt}; null for a CI that did not alert itself) and how many minutes after the incident
 * began, and which metric moved first on it before the incident ({@code metricMovedFirst}, when known).
 */
public record RootCauseCandidate(String ciId, String ciName, String ciType, double confidence, String explanation,
		int reaches, int alertingCis, List<String> path, @Nullable Instant firstAlertAt,
		@Nullable Double minutesAfterStart, @Nullable Severity severity, @Nullable MetricMovement metricMovedFirst) {

	public RootCauseCandidate withMetricMovedFirst(@Nullable MetricMovement movement) {
		return new RootCauseCandidate(this.ciId, this.ciName, this.ciType, this.confidence, this.explanation,
				this.reaches, this.alertingCis, this.path, this.firstAlertAt, this.minutesAfterStart, this.severity,
				movement);
	}

	/**
	 * A metric of the candidate that left its usual range before (or as) the incident began.
	 */
	public record MetricMovement(String metric, Instant at, double before, double after) {
	}

}
