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
 * of one of the incident's CIs counts its minutes from the incident's latest event, not only from that CI's.
 * Incidents that were resolved, or merged, take nothing. What it holds is read from the database hour by hour
 * of event time as events need it, and written back by the caller after each batch.
 */
final class IncidentGrouping {

	private static final long HOUR = Duration.ofHours(1).toMillis();

	private final TopologyDistances distances;

	private final Supplier<PairModel> model;

	private final long window;

	private final double threshold;

	private final Store store;

	private final Supplier<String> ids;

	private final Map<String, Member> members = new HashMap<>();

	private final TreeMap<Long, List<Member>> byHour = new TreeMap<>();

	private final Set<Long> loadedHours = new HashSet<>();

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
		for (Group group : candidates(at)) {
			double score = score(member, group);
			if (score >= this.threshold) {
				scores.put(group, score);
			}
		}
		Group target;
		if (scores.isEmpty()) {
			target = new Group(this.ids.get(), true, false, true);
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
		absorbed.byCi.clear();
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

	private double score(Member event, Group group) {
		PairModel pairs = this.model.get();
		double best = 0;
		for (Map.Entry<String, List<Member>> onCi : group.byCi.entrySet()) {
			Relation relation = this.distances.relation(List.of(onCi.getKey()), event.cis);
			if (relation.kind() == Relation.Kind.NONE) {
				continue;
			}
			boolean cascades = relation.kind() == Relation.Kind.SAME || relation.kind() == Relation.Kind.UPSTREAM;
			for (Member other : onCi.getValue()) {
				double minutes = Math.abs(event.at - other.at) / 60_000.0;
				if (cascades) {
					minutes = Math.min(minutes, Math.max(0, event.at - group.last) / 60_000.0);
				}
				if (minutes * 60_000 > this.window) {
					continue;
				}
				double[] features = PairModel.features(relation, minutes, EventTokens.similarity(event.tokens,
						other.tokens));
				best = Math.max(best, pairs.probability(features));
			}
		}
		return best;
	}

	private Collection<Group> candidates(long at) {
		Set<Group> found = new LinkedHashSet<>();
		for (List<Member> hour : this.byHour.subMap(hourOf(at - this.window), true, hourOf(at + this.window), true)
			.values()) {
			for (Member member : hour) {
				if (Math.abs(member.at - at) <= this.window && member.incidentId != null) {
					Group group = this.groups.get(member.incidentId);
					if (group != null && group.open) {
						found.add(group);
					}
				}
			}
		}
		return found;
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
			this.groups.put(state.id(), new Group(state.id(), state.takesEvents(), state.manuallyGrouped(), false));
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
	}

	private void index(Member member) {
		this.members.put(member.id, member);
		this.byHour.computeIfAbsent(hourOf(member.at), (h) -> new ArrayList<>()).add(member);
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

		RootCauseRanking.Member forRanking() {
			return new RootCauseRanking.Member(this.cis, Instant.ofEpochMilli(this.at), this.severity, this.title);
		}

	}

	/**
	 * An incident as the grouping holds it: its events, by CI, and the span of their times.
	 */
	static final class Group {

		final String id;

		final List<Member> members = new ArrayList<>();

		final Map<String, List<Member>> byCi = new LinkedHashMap<>();

		boolean open;

		final boolean manual;

		boolean isNew;

		long first = Long.MAX_VALUE;

		long last = Long.MIN_VALUE;

		Group(String id, boolean open, boolean manual, boolean isNew) {
			this.id = id;
			this.open = open;
			this.manual = manual;
			this.isNew = isNew;
		}

		void add(Member member) {
			member.incidentId = this.id;
			this.members.add(member);
			for (String ci : member.cis) {
				this.byCi.computeIfAbsent(ci, (k) -> new ArrayList<>()).add(member);
			}
			if (member.cis.isEmpty()) {
				this.byCi.computeIfAbsent("", (k) -> new ArrayList<>()).add(member);
			}
			this.first = Math.min(this.first, member.at);
			this.last = Math.max(this.last, member.at);
		}

	}

}
