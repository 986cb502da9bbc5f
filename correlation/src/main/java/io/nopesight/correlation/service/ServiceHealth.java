package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A service's health at a time, with why: its status, a score from 100 (nothing wrong) down to 0, and the
 * events, CIs and upstream services behind it; {@code since} is when it became what it is.
 */
public record ServiceHealth(HealthStatus status, double score, List<Reason> reasons, Instant since) {

	public ServiceHealth {
		reasons = List.copyOf(reasons);
	}

	/**
	 * One thing that weighs on a service's health: an open event on one of its CIs or on a CI under them
	 * ({@code kind} "event"), or an upstream service that is not healthy ({@code kind} "service").
	 */
	public record Reason(String kind, String summary, @Nullable String eventId, @Nullable String severity,
			@Nullable String ciId, @Nullable String ciName, @Nullable String componentCiId, @Nullable Integer distance,
			@Nullable String serviceId, @Nullable String serviceName, @Nullable String serviceStatus,
			@Nullable String dependencyType, @Nullable String dependencyImpact) {
	}

}
