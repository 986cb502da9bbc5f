package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A service's health as a step function of time, from a given time to now: evaluated wherever something
 * could change it (an event starting or ending, an upstream service changing) and kept where it did.
 */
final class HealthTimeline {

	private HealthTimeline() {
	}

	/**
	 * The changes from {@code from} to {@code to}, given the change in force before {@code from}
	 * ({@code before}, null: none, taken as healthy).
	 */
	static List<HealthChange> between(Instant from, Instant to, @Nullable HealthChange before, ServiceReach reach,
			List<ActiveEvent> events, List<Upstream> upstream) {
		TreeSet<Instant> moments = new TreeSet<>();
		moments.add(from);
		for (ActiveEvent event : events) {
			addWithin(moments, event.start(), from, to);
			if (event.end() != null) {
				addWithin(moments, event.end(), from, to);
			}
		}
		for (Upstream service : upstream) {
			service.changes().forEach((change) -> addWithin(moments, change.at(), from, to));
		}
		List<HealthChange> changes = new ArrayList<>();
		HealthChange last = before;
		for (Instant at : moments) {
			List<HealthRules.UpstreamState> states = upstream.stream().map((u) -> u.stateAt(at)).toList();
			HealthChange now = HealthRules.evaluate(at, reach, events, states);
			if (last == null ? now.status() != HealthStatus.HEALTHY || now.score() != 100 || !now.reasons().isEmpty()
					: !now.sameAs(last)) {
				changes.add(now);
				last = now;
			}
		}
		return changes;
	}

	private static void addWithin(TreeSet<Instant> moments, Instant at, Instant from, Instant to) {
		if (at.isAfter(from) && !at.isAfter(to)) {
			moments.add(at);
		}
	}

	/**
	 * A service this one depends on, with its health changes over the period (and the one in force at its
	 * start).
	 */
	record Upstream(String serviceId, String name, DependencyType type, DependencyImpact impact,
			List<HealthChange> changes) {

		HealthRules.UpstreamState stateAt(Instant at) {
			HealthStatus status = HealthStatus.HEALTHY;
			for (HealthChange change : this.changes) {
				if (change.at().isAfter(at)) {
					break;
				}
				status = change.status();
			}
			return new HealthRules.UpstreamState(this.serviceId, this.name, this.type, this.impact, status);
		}

	}

}
