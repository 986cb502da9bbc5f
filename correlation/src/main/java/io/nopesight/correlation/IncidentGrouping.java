package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.JdbcEventRepository.PlacedEvent;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentState;
import io.nopesight.correlation.TopologyDistances.Relation;

/**
 * Places events into incidents one at a time, in memory, the way they happened rather than the way they
 * arrived: an event joins the open incident it most probably belongs to, judged against the incident's
 * events within the time window (by the pair model: minutes apart, how failure can run between their CIs,
 * similar titles), and an event that belongs to several open incidents joins them into one. An event that
 * belongs nowhere starts an incident. Failure that cascades keeps an incident open to it: an event downstream
 * of one of the incident's CIs may count its minutes from the incident's latest event below that CI, not only
 * from that CI's own, discounted by how likely an unrelated alert below that CI would have been in that time.
 * Incidents that were resolved, or merged, take nothing. What it holds is read from the database hour by hour
 * of event time as events need it, and written back by the caller after each batch.
 */
final class IncidentGrouping {

	private static final long HOUR = Duration.ofHours(1).toMillis();

	// siblings further apart than this (via a common cause) are not worth a look: the pair model puts them
	// below any threshold; nor are events more links below this one than MAX_DOWNSTREAM
	private static final int MAX_SIBLING = 3;

	private static final int MAX_DOWNSTREAM = 5;

	private final TopologyDistances distances;

	private final Supplier<PairModel> model;

	private final long window;

	private final double threshold;

	private final Store store;

	private final Supplier<String> ids;

	private final Map<String, Member> members = new HashMap<>();

	// by hour of event time, then by CI: each event under its own CIs (distance 0) and under the CIs upstream of
	// them (their distance), so the events related to a new one are found by its own CI and its upstream CIs
	private final TreeMap<Long, Map<String, Filed>> byHour = new TreeMap<>();

	private final Set<Long> loadedHours = new HashSet<>();

	// the span of the events held
	private long earliest = Long.MAX_VALUE;

	private long latest = Long.MIN_VALUE;

	private final Map<String, Group> groups = new HashMap<>();

	private final Map<String, Group> changed = new LinkedHashMap<>();

	private final Map<String, String> merged = new LinkedHashMap<>();

	IncidentGrouping(TopologyDistances distances, Supplier<PairModel> model, Duration window, double threshold,
			Store store, Supplier<String> ids) {
		this.distances = distances;
		this.model = model;
		this.window = window.toMillis();
		this.threshold = threshold;
		this.store = store;
		this.ids = ids;
	}

	int size() {
		return this.members.size();
	}

	void clear() {
		this.members.clear();
		this.earliest = Long.MAX_VALUE;
		this.latest = Long.MIN_VALUE;
		this.byHour.clear();
		this.loadedHours.clear();
		this.groups.clear();
		this.changed.clear();
		this.merged.clear();
	}

	/**
	 * Places one event. The incident it is in can still change within the batch (a later event may merge its
	 * incident into another): read it from the returned member once the batch is placed.
	 */
	Member place(PlacedEvent event) {
		long at = event.createdAt().toEpochMilli();
		load(at - this.window, at + this.window);
		Member member = new Member(event, EventTokens.of(event.title(), names(event.affectedCis())));
		Map<Group, Double> scores = new LinkedHashMap<>();
		scores(member).forEach((group, score) -> {
			if (score >= this.threshold) {
				scores.put(group, score);
			}
		});
		Group target;
		if (scores.isEmpty()) {
			target = new Group(this.ids.get(), true, false, true, new IncidentTally(this.distances));
			this.groups.put(target.id, target);
		}
		else {
			target = joinAll(scores);
		}
		target.add(member);
		index(member);
		this.changed.put(target.id, target);
		return member;
	}

	/**
	 * The incidents changed since the last call, and those merged away (absorbed id to the one it went into).
	 */
	Changes drain() {
		List<Group> created = this.changed.values().stream().filter((group) -> group.isNew).toList();
		List<Group> updated = this.changed.values().stream().filter((group) -> !group.isNew).toList();
		Changes changes = new Changes(created, updated, Map.copyOf(this.merged));
		this.changed.values().forEach((group) -> group.isNew = false);
		this.changed.clear();
		this.merged.clear();
		return changes;
	}

	// the highest-scoring incident takes the event; the others it belongs to are merged into the largest
	private Group joinAll(Map<Group, Double> scores) {
		Group best = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		if (best.manual) {
			return best;
		}
		List<Group> mergeable = new ArrayList<>();
		mergeable.add(best);
		scores.keySet().stream().filter((group) -> group != best && !group.manual).forEach(mergeable::add);
		if (mergeable.size() == 1) {
			return best;
		}
		Group survivor = mergeable.stream()
			.max(Comparator.<Group>comparingInt((group) -> group.members.size())
				.thenComparing((group) -> -group.first))
			.orElseThrow();
		for (Group absorbed : mergeable) {
			if (absorbed != survivor) {
				absorb(survivor, absorbed);
			}
		}
		return survivor;
	}

	private void absorb(Group survivor, Group absorbed) {
		for (Member member : absorbed.members) {
			member.incidentId = survivor.id;
			survivor.add(member);
		}
		absorbed.members.clear();
		absorbed.open = false;
		this.changed.remove(absorbed.id);
		this.changed.put(survivor.id, survivor);
		if (!absorbed.isNew) {
			this.merged.put(absorbed.id, survivor.id);
		}
		// a merge of incidents that exist only in this batch leaves nothing to write of the absorbed one
		this.merged.replaceAll((from, into) -> into.equals(absorbed.id) ? survivor.id : into);
		this.groups.remove(absorbed.id);
	}

	/**
	 * The best pair probability of the new event with each open incident it is related to: through its own CIs
	 * and those upstream of them, the events found are on the same CI, upstream of it (failure reached it from
	 * there), downstream of it, or on a CI with a common cause near both (siblings).
	 */
	private Map<Group, Double> scores(Member event) {
		PairModel pairs = this.model.get();
		Map<Group, Double> best = new HashMap<>();
		Map<Member, Relation> related = related(event);
		related.forEach((other, relation) -> {
			Group group = (other.incidentId != null) ? this.groups.get(other.incidentId) : null;
			if (group == null || !group.open) {
				return;
			}
			double minutes = Math.abs(event.at - other.at) / 60_000.0;
			double similarity = EventTokens.similarity(event.tokens, other.tokens);
			double p = (minutes * 60_000 <= this.window)
					? pairs.probability(PairModel.features(relation, minutes, similarity)) : 0;
			// the other event is on the same CI or upstream of this one (relations read from the other's side)
			boolean cascades = relation.kind() == Relation.Kind.SAME || relation.kind() == Relation.Kind.UPSTREAM;
			if (cascades && relation.a() != null) {
				p = Math.max(p, cascading(group, relation, event.at, similarity, pairs));
			}
			if (p <= 0) {
				return;
			}
			best.merge(group, p, Math::max);
		});
		return best;
	}

	// the probability that the event belongs to the failure of the relation's upstream CI that the group's events
	// below that CI show still unfolding, counted from the latest of them, and discounted by the chance that an
	// unrelated alert would have come from below that CI in that time anyway: below a core switch with half the
	// estate behind it, one does every minute, and counting from the latest would chain every later alert into
	// the group
	private double cascading(Group group, Relation relation, long at, double similarity, PairModel pairs) {
		String upstream = Objects.requireNonNull(relation.a());
		Instant latest = group.tally.lastAtOrBelow(upstream);
		if (latest == null) {
			return 0;
		}
		double since = Math.max(0, at - latest.toEpochMilli()) / 60_000.0;
		if (since * 60_000 > this.window) {
			return 0;
		}
		double expectedByChance = alertsPerCiMinute() * (1 + this.distances.downstreamCount(upstream)) * since;
		return pairs.probability(PairModel.features(relation, since, similarity)) * Math.exp(-expectedByChance);
	}

	// how often a CI alerts, on average over the events held (over an hour at least, so that the first events of
	// a burst do not pass for the estate's usual rate)
	private double alertsPerCiMinute() {
		double minutes = Math.max(60, (this.latest - this.earliest) / 60_000.0);
		return this.members.size() / minutes / Math.max(1, this.distances.topology().size());
	}

	// the events near in time related to this one, each with its closest relation, read from that event's side
	// (UPSTREAM: the other event's CI is upstream of this one's)
	private Map<Member, Relation> related(Member event) {
		Map<Member, Relation> related = new HashMap<>();
		for (String ci : event.cis) {
			Map<String, Integer> above = this.distances.upstreamOf(ci);
			// an upstream failure explains what follows while its incident goes on: look further back for it
			for (Map<String, Filed> hour : hours(event.at - 2 * this.window, event.at + this.window)) {
				for (Map.Entry<String, Integer> ancestor : above.entrySet()) {
					Filed filed = hour.get(ancestor.getKey());
					if (filed == null) {
						continue;
					}
					int up = ancestor.getValue();
					for (Member other : filed.at(0)) {
						closer(related, other, new Relation(Relation.Kind.UPSTREAM, up, ancestor.getKey(), ci, null));
					}
					for (int below = 1; up <= 2 && up + below <= MAX_SIBLING; below++) {
						for (Member other : filed.at(below)) {
							closer(related, other, new Relation(Relation.Kind.SIBLING, up + below, other.cis.get(0), ci,
									ancestor.getKey()));
						}
					}
				}
			}
			for (Map<String, Filed> hour : hours(event.at - this.window, event.at + this.window)) {
				Filed filed = hour.get(ci);
				for (int below = 0; filed != null && below <= MAX_DOWNSTREAM; below++) {
					for (Member other : filed.at(below)) {
						closer(related, other, new Relation((below == 0) ? Relation.Kind.SAME : Relation.Kind.DOWNSTREAM,
								below, other.cis.get(0), ci, null));
					}
				}
			}
		}
		related.remove(event);
		return related;
	}

	private static void closer(Map<Member, Relation> related, Member member, Relation relation) {
		related.merge(member, relation, (a, b) -> b.closerThan(a) ? b : a);
	}

	private Collection<Map<String, Filed>> hours(long from, long to) {
		return this.byHour.subMap(hourOf(from), true, hourOf(to), true).values();
	}

	// reads the events placed in the hours of [from, to] and, whole, the incidents they are in
	private void load(long from, long to) {
		Set<String> incidents = new LinkedHashSet<>();
		for (long hour = hourOf(from); hour <= hourOf(to); hour++) {
			if (this.loadedHours.add(hour)) {
				for (PlacedEvent event : this.store.placedBetween(Instant.ofEpochMilli(hour * HOUR),
						Instant.ofEpochMilli((hour + 1) * HOUR))) {
					if (event.incidentId() != null && !this.groups.containsKey(event.incidentId())) {
						incidents.add(event.incidentId());
					}
				}
			}
		}
		if (!incidents.isEmpty()) {
			loadIncidents(incidents);
		}
	}

	private void loadIncidents(Set<String> ids) {
		Map<String, IncidentState> states = this.store.states(ids);
		for (IncidentState state : states.values()) {
			this.groups.put(state.id(), new Group(state.id(), state.takesEvents(), state.manuallyGrouped(), false,
					new IncidentTally(this.distances)));
		}
		for (PlacedEvent event : this.store.membersOf(states.keySet())) {
			Group group = this.groups.get(event.incidentId());
			if (group == null || this.members.containsKey(event.id())) {
				continue;
			}
			Member member = new Member(event, EventTokens.of(event.title(), names(event.affectedCis())));
			group.add(member);
			index(member);
		}
		// what was read is stored already
		states.keySet().forEach((id) -> this.groups.get(id).tally().drainGained());
	}

	private void index(Member member) {
		this.members.put(member.id, member);
		this.earliest = Math.min(this.earliest, member.at);
		this.latest = Math.max(this.latest, member.at);
		Map<String, Filed> hour = this.byHour.computeIfAbsent(hourOf(member.at), (h) -> new HashMap<>());
		for (String ci : member.cis) {
			hour.computeIfAbsent(ci, (k) -> new Filed()).add(member, 0);
			this.distances.upstreamOf(ci).forEach((ancestor, distance) -> {
				if (distance <= MAX_DOWNSTREAM) {
					hour.computeIfAbsent(ancestor, (k) -> new Filed()).add(member, distance);
				}
			});
		}
	}

	private List<String> names(List<String> cis) {
		List<String> names = new ArrayList<>(cis.size());
		for (String ci : cis) {
			this.distances.topology().node(ci).ifPresent((node) -> names.add(node.name()));
		}
		return names;
	}

	private static long hourOf(long epochMillis) {
		return Math.floorDiv(epochMillis, HOUR);
	}

	/**
	 * Where the grouping reads what it does not hold yet.
	 */
	interface Store {

		List<PlacedEvent> placedBetween(Instant from, Instant to);

		List<PlacedEvent> membersOf(Collection<String> incidentIds);

		Map<String, IncidentState> states(Collection<String> incidentIds);

	}

	/**
	 * Incidents to write after a batch.
	 */
	record Changes(List<Group> created, List<Group> updated, Map<String, String> merged) {
	}

	/**
	 * The events of an hour filed under one CI, by how many links below that CI they are (0: on it), so that a
	 * look for siblings or for what is directly upstream passes over the many events far below a switch.
	 */
	private static final class Filed {

		private final List<List<Member>> byDistance = new ArrayList<>(2);

		void add(Member member, int distance) {
			while (this.byDistance.size() <= distance) {
				this.byDistance.add(new ArrayList<>(2));
			}
			this.byDistance.get(distance).add(member);
		}

		List<Member> at(int distance) {
			return (distance < this.byDistance.size()) ? this.byDistance.get(distance) : List.of();
		}

	}

	/**
	 * An event as the grouping holds it.
	 */
	static final class Member {

		final String id;

		final long at;

		final List<String> cis;

		final Set<String> tokens;

		final Severity severity;

		final EventStatus status;

		final String title;

		@Nullable String incidentId;

		Member(PlacedEvent event, Set<String> tokens) {
			this.id = event.id();
			this.at = event.createdAt().toEpochMilli();
			this.cis = List.copyOf(event.affectedCis());
			this.tokens = tokens;
			this.severity = event.severity();
			this.status = event.status();
			this.title = event.title();
			this.incidentId = event.incidentId();
		}

		IncidentDigest.Part part() {
			return new IncidentDigest.Part(this.cis, Instant.ofEpochMilli(this.at), this.severity, this.status,
					this.title);
		}

	}

	/**
	 * An incident as the grouping holds it: its events and the span of their times.
	 */
	static final class Group {

		final String id;

		final List<Member> members = new ArrayList<>();

		boolean open;

		final boolean manual;

		boolean isNew;

		long first = Long.MAX_VALUE;

		long last = Long.MIN_VALUE;

		private IncidentTally tally;

		Group(String id, boolean open, boolean manual, boolean isNew, IncidentTally tally) {
			this.id = id;
			this.open = open;
			this.manual = manual;
			this.isNew = isNew;
			this.tally = tally;
		}

		void add(Member member) {
			member.incidentId = this.id;
			this.members.add(member);
			this.first = Math.min(this.first, member.at);
			this.last = Math.max(this.last, member.at);
			this.tally.add(member.part());
		}

		/**
		 * What its events add up to, read again from them when the topology has changed since.
		 */
		IncidentTally tally(TopologyDistances distances) {
			if (this.tally.topologyVersion() != distances.topology().version()) {
				this.tally = IncidentTally.of(distances, this.members.stream().map(Member::part).toList());
			}
			return this.tally;
		}

		private IncidentTally tally() {
			return this.tally;
		}

	}

}
