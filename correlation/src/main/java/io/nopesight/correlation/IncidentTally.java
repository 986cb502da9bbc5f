package io.nopesight.correlation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an incident's events add up to, kept as they join so that a large incident's ranking costs what its
 * newest events change and not all of its events again: how many there are, their span, worst severity and
 * how many are not resolved; each alerting CI's first alert; and for every CI at or upstream of an alerting
 * one (a root-cause candidate), how many events and alerting CIs its failure reaches and how far away. Read
 * against the topology as it was when the tally began ({@link #topologyVersion()}).
 */
final class IncidentTally {

	private final TopologyDistances distances;

	private final long topologyVersion;

	private int events;

	private int unresolved;

	private @Nullable Instant first;

	private @Nullable Instant last;

	private String firstTitle = "";

	private Severity worst = Severity.LOW;

	private final Map<String, Alerting> alerting = new LinkedHashMap<>();

	private final Map<String, Reach> reach = new HashMap<>();

	// CIs that alerted for the first time, or earlier than before, since the last drain: what the incident's
	// stored list of CIs gains
	private final Map<String, Instant> gained = new LinkedHashMap<>();

	IncidentTally(TopologyDistances distances) {
		this.distances = distances;
		this.topologyVersion = distances.topology().version();
	}

	static IncidentTally of(TopologyDistances distances, Collection<IncidentDigest.Part> parts) {
		IncidentTally tally = new IncidentTally(distances);
		parts.forEach(tally::add);
		return tally;
	}

	void add(IncidentDigest.Part event) {
		this.events++;
		this.unresolved += (event.status() == EventStatus.RESOLVED) ? 0 : 1;
		if (this.first == null || event.at().isBefore(this.first)) {
			this.first = event.at();
			this.firstTitle = event.title();
		}
		this.last = (this.last == null || event.at().isAfter(this.last)) ? event.at() : this.last;
		this.worst = Severity.worst(this.worst, event.severity());
		Map<String, Integer> nearest = new HashMap<>();
		for (String ci : event.cis()) {
			Alerting before = this.alerting.get(ci);
			this.alerting.put(ci, (before != null) ? before.and(event) : Alerting.of(event));
			if (before == null) {
				reach(ci).alertingCis++;
				this.distances.upstreamOf(ci).keySet().forEach((ancestor) -> reach(ancestor).alertingCis++);
			}
			if (before == null || event.at().isBefore(before.first())) {
				this.gained.merge(ci, event.at(), (a, b) -> a.isBefore(b) ? a : b);
			}
			nearest.merge(ci, 0, Math::min);
			this.distances.upstreamOf(ci).forEach((ancestor, d) -> nearest.merge(ancestor, d, Math::min));
		}
		String from = event.cis().isEmpty() ? null : event.cis().get(0);
		nearest.forEach((ci, distance) -> reach(ci).add(distance, from, event.at()));
	}

	/**
	 * The CIs gained since the last call, with when each first alerted in the incident.
	 */
	Map<String, Instant> drainGained() {
		Map<String, Instant> drained = Map.copyOf(this.gained);
		this.gained.clear();
		return drained;
	}

	long topologyVersion() {
		return this.topologyVersion;
	}

	int events() {
		return this.events;
	}

	boolean allResolved() {
		return this.unresolved == 0;
	}

	Instant first() {
		return (this.first != null) ? this.first : Instant.EPOCH;
	}

	/**
	 * The title of the earliest event.
	 */
	String firstTitle() {
		return this.firstTitle;
	}

	Instant last() {
		return (this.last != null) ? this.last : Instant.EPOCH;
	}

	Severity worst() {
		return this.worst;
	}

	Map<String, Alerting> alerting() {
		return this.alerting;
	}

	Map<String, Reach> reach() {
		return this.reach;
	}

	/**
	 * The CIs in the order they first alerted.
	 */
	List<String> cisInOrder() {
		return this.alerting.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue((a, b) -> a.first().compareTo(b.first())))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * When the latest of the incident's events at or below {@code ci} happened; {@code null} when none is.
	 */
	@Nullable Instant lastAtOrBelow(String ci) {
		Reach reach = this.reach.get(ci);
		return (reach != null) ? reach.last : null;
	}

	private Reach reach(String ci) {
		return this.reach.computeIfAbsent(ci, (k) -> new Reach());
	}

	/**
	 * A CI's alerts in the incident: the first (when, its title) and the worst (its severity, and the title of
	 * the earliest alert that bad).
	 */
	record Alerting(Instant first, String firstTitle, Severity severity, Instant worstAt, String worstTitle) {

		static Alerting of(IncidentDigest.Part event) {
			return new Alerting(event.at(), event.title(), event.severity(), event.at(), event.title());
		}

		Alerting and(IncidentDigest.Part event) {
			boolean earlier = event.at().isBefore(this.first);
			boolean worse = event.severity().ordinal() > this.severity.ordinal()
					|| (event.severity() == this.severity && event.at().isBefore(this.worstAt));
			return new Alerting(earlier ? event.at() : this.first, earlier ? event.title() : this.firstTitle,
					worse ? event.severity() : this.severity, worse ? event.at() : this.worstAt,
					worse ? event.title() : this.worstTitle);
		}

	}

	/**
	 * What a CI's failure reaches in the incident: events (and the sum of their distances from it), alerting
	 * CIs, and the event farthest below it (by its first CI; the earliest of those equally far, so that the
	 * path shown does not depend on the order events arrived in).
	 */
	static final class Reach {

		int events;

		int distances;

		int alertingCis;

		int farthest = -1;

		@Nullable String farthestCi;

		private @Nullable Instant farthestAt;

		// the latest event at or below the CI: while it is recent, a failure of the CI may still be unfolding
		@Nullable Instant last;

		void add(int distance, @Nullable String ci, Instant at) {
			this.events++;
			this.last = (this.last == null || at.isAfter(this.last)) ? at : this.last;
			this.distances += distance;
			if (distance > this.farthest || (distance == this.farthest && earlier(at, ci))) {
				this.farthest = distance;
				this.farthestCi = ci;
				this.farthestAt = at;
			}
		}

		private boolean earlier(Instant at, @Nullable String ci) {
			int byTime = at.compareTo(this.farthestAt);
			return byTime < 0 || (byTime == 0 && ci != null
					&& (this.farthestCi == null || ci.compareTo(this.farthestCi) < 0));
		}

	}

}
