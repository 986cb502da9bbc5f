package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nopesight.correlation.Severity;

/**
 * What a service's health is, given the events active on its CIs and the health of the services it depends on.
 * <ul>
 * <li>Each CI in the service's reach (a component, distance 0, or a CI a component runs on or depends on,
 * transitively: distance 1, 2, ...) weighs by its worst active event: critical 60, high 30, medium 12, low 4
 * points, times 1 on a component, 0.6 one link below it, 0.35 two links, 0.2 further; the score is 100 less
 * the sum, not below 0.</li>
 * <li>Down: a critical event on a component or on what a component directly runs on or depends on.
 * Degraded: a critical or high event anywhere in reach, a medium one on a component, or a score below 80.</li>
 * <li>From the services it depends on: a required one that is down with impact full_outage takes it down;
 * one that is down otherwise degrades it; a required one that is degraded degrades it.</li>
 * <li>The score agrees with the status: at most 25 when down, below 80 when degraded.</li>
 * </ul>
 */
final class HealthRules {

	static final int MAX_REASONS = 20;

	private HealthRules() {
	}

	/**
	 * The health at {@code at}, from the events active then on the CIs of {@code reach} and the upstream
	 * services' statuses then.
	 */
	static HealthChange evaluate(Instant at, ServiceReach reach, List<ActiveEvent> events,
			List<UpstreamState> upstream) {
		Map<String, ActiveEvent> worstOnCi = new HashMap<>();
		for (ActiveEvent event : events) {
			if (!event.activeAt(at)) {
				continue;
			}
			for (String ci : event.cis()) {
				if (reach.contains(ci)) {
					worstOnCi.merge(ci, event, HealthRules::worse);
				}
			}
		}
		double penalty = 0;
		HealthStatus status = HealthStatus.HEALTHY;
		List<Weighed> weighed = new ArrayList<>();
		for (Map.Entry<String, ActiveEvent> entry : worstOnCi.entrySet()) {
			ServiceReach.Place place = reach.placeOf(entry.getKey());
			ActiveEvent event = entry.getValue();
			penalty += weight(event.severity()) * proximity(place.distance());
			status = HealthStatus.worst(status, ownStatus(event.severity(), place.distance()));
			weighed.add(new Weighed(entry.getKey(), place, event));
		}
		List<ServiceHealth.Reason> reasons = new ArrayList<>();
		weighed.stream()
			.sorted(Comparator.comparing((Weighed w) -> w.event().severity()).reversed()
				.thenComparingInt((w) -> w.place().distance())
				.thenComparing(Weighed::ci))
			.limit(MAX_REASONS)
			.forEach((w) -> reasons.add(eventReason(w)));
		for (UpstreamState state : upstream) {
			HealthStatus caused = fromUpstream(state);
			if (caused != HealthStatus.HEALTHY) {
				status = HealthStatus.worst(status, caused);
				reasons.add(serviceReason(state));
			}
		}
		double score = Math.max(0, 100 - penalty);
		if (score < 80) {
			status = HealthStatus.worst(status, HealthStatus.DEGRADED);
		}
		score = switch (status) {
			case DOWN -> Math.min(score, 25);
			case DEGRADED -> Math.min(score, 79.9);
			case HEALTHY -> score;
		};
		return new HealthChange(at, status, Math.round(score * 10) / 10.0, reasons);
	}

	static HealthStatus fromUpstream(UpstreamState state) {
		if (state.status() == HealthStatus.DOWN) {
			return (state.type() == DependencyType.REQUIRED && state.impact() == DependencyImpact.FULL_OUTAGE)
					? HealthStatus.DOWN : HealthStatus.DEGRADED;
		}
		if (state.status() == HealthStatus.DEGRADED && state.type() == DependencyType.REQUIRED) {
			return HealthStatus.DEGRADED;
		}
		return HealthStatus.HEALTHY;
	}

	private static HealthStatus ownStatus(Severity severity, int distance) {
		if (severity == Severity.CRITICAL && distance <= 1) {
			return HealthStatus.DOWN;
		}
		if (severity == Severity.CRITICAL || severity == Severity.HIGH
				|| (severity == Severity.MEDIUM && distance == 0)) {
			return HealthStatus.DEGRADED;
		}
		return HealthStatus.HEALTHY;
	}

	static double weight(Severity severity) {
		return switch (severity) {
			case CRITICAL -> 60;
			case HIGH -> 30;
			case MEDIUM -> 12;
			case LOW -> 4;
		};
	}

	static double proximity(int distance) {
		return switch (distance) {
			case 0 -> 1.0;
			case 1 -> 0.6;
			case 2 -> 0.35;
			default -> 0.2;
		};
	}

	private static ActiveEvent worse(ActiveEvent a, ActiveEvent b) {
		int bySeverity = a.severity().compareTo(b.severity());
		if (bySeverity != 0) {
			return (bySeverity > 0) ? a : b;
		}
		return a.start().isAfter(b.start()) ? b : a;
	}

	private static ServiceHealth.Reason eventReason(Weighed w) {
		ActiveEvent event = w.event();
		String where = (w.place().distance() == 0) ? "component " + w.place().ciName()
				: w.place().ciName() + ", " + w.place().distance() + (w.place().distance() == 1 ? " link" : " links")
						+ " under component " + w.place().componentName();
		return new ServiceHealth.Reason("event", event.severity().value() + ": " + event.title() + " (" + where + ")",
				event.id(), event.severity().value(), w.ci(), w.place().ciName(), w.place().componentCiId(),
				w.place().distance(), null, null, null, null, null);
	}

	private static ServiceHealth.Reason serviceReason(UpstreamState state) {
		return new ServiceHealth.Reason("service",
				"depends on " + state.name() + " (" + state.type().value() + ", " + state.impact().value() + "), which is "
						+ state.status().value(),
				null, null, null, null, null, null, state.serviceId(), state.name(), state.status().value(),
				state.type().value(), state.impact().value());
	}

	/**
	 * An upstream service's status at some time, and how this service depends on it.
	 */
	record UpstreamState(String serviceId, String name, DependencyType type, DependencyImpact impact,
			HealthStatus status) {
	}

	private record Weighed(String ci, ServiceReach.Place place, ActiveEvent event) {
	}

}
