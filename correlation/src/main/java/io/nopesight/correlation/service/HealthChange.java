package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.List;

/**
 * A service's health from {@code at} on, until the next change.
 */
record HealthChange(Instant at, HealthStatus status, double score, List<ServiceHealth.Reason> reasons) {

	HealthChange {
		reasons = List.copyOf(reasons);
	}

	boolean sameAs(HealthChange other) {
		return this.status == other.status && this.score == other.score && this.reasons.equals(other.reasons);
	}

	ServiceHealth asHealth() {
		return new ServiceHealth(this.status, this.score, this.reasons, this.at);
	}

}
