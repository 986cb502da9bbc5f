package io.nopesight.correlation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.Topology;

/**
 * How CIs stand to each other in the topology, from the upstream neighbourhood of each (the CIs whose failure
 * reaches it, within {@code maxDepth} links), cached until the topology changes: one CI upstream of the
 * other, both downstream of a common CI (siblings), or neither.
 */
final class TopologyDistances {

	private final Topology topology;

	private final int maxDepth;

	private final Map<String, Map<String, Integer>> upstream = new ConcurrentHashMap<>();

	private final Map<String, Integer> downstreamCounts = new ConcurrentHashMap<>();

	private volatile long version = -1;

	TopologyDistances(Topology topology, int maxDepth) {
		this.topology = topology;
		this.maxDepth = maxDepth;
	}

	Topology topology() {
		return this.topology;
	}

	int maxDepth() {
		return this.maxDepth;
	}

	/**
	 * The CIs whose failure reaches {@code ci}, by distance.
	 */
	Map<String, Integer> upstreamOf(String ci) {
		forgetWhenChanged();
		return this.upstream.computeIfAbsent(ci, (id) -> Map.copyOf(this.topology.upstream(id, this.maxDepth)));
	}

	/**
	 * How many CIs the failure of {@code ci} reaches.
	 */
	int downstreamCount(String ci) {
		forgetWhenChanged();
		return this.downstreamCounts.computeIfAbsent(ci, (id) -> this.topology.downstream(id, this.maxDepth).size());
	}

	private void forgetWhenChanged() {
		long current = this.topology.version();
		if (current != this.version) {
			this.upstream.clear();
			this.downstreamCounts.clear();
			this.version = current;
		}
	}

	/**
	 * How failure could run between two sets of CIs: the closest relation over every pair.
	 */
	Relation relation(List<String> from, List<String> to) {
		Relation best = Relation.NONE;
		for (String a : from) {
			for (String b : to) {
				Relation relation = relation(a, b);
				if (relation.closerThan(best)) {
					best = relation;
				}
			}
		}
		return best;
	}

	Relation relation(String a, String b) {
		if (a.equals(b)) {
			return new Relation(Relation.Kind.SAME, 0, a, b, null);
		}
		Map<String, Integer> aboveB = upstreamOf(b);
		Integer aToB = aboveB.get(a);
		Map<String, Integer> aboveA = upstreamOf(a);
		Integer bToA = aboveA.get(b);
		if (aToB != null && (bToA == null || aToB <= bToA)) {
			return new Relation(Relation.Kind.UPSTREAM, aToB, a, b, null);
		}
		if (bToA != null) {
			return new Relation(Relation.Kind.DOWNSTREAM, bToA, a, b, null);
		}
		int best = Integer.MAX_VALUE;
		String via = null;
		for (Map.Entry<String, Integer> ancestor : aboveA.entrySet()) {
			Integer other = aboveB.get(ancestor.getKey());
			if (other != null && ancestor.getValue() + other < best) {
				best = ancestor.getValue() + other;
				via = ancestor.getKey();
			}
		}
		return (via != null) ? new Relation(Relation.Kind.SIBLING, best, a, b, via) : Relation.NONE;
	}

	/**
	 * How {@code a} stands to {@code b}: the same CI, upstream of it (a's failure reaches b), downstream of
	 * it, both below {@code via} (siblings), or not related within the depth.
	 */
	record Relation(Kind kind, int distance, @Nullable String a, @Nullable String b, @Nullable String via) {

		static final Relation NONE = new Relation(Kind.NONE, Integer.MAX_VALUE, null, null, null);

		enum Kind {

			SAME, UPSTREAM, DOWNSTREAM, SIBLING, NONE

		}

		boolean directed() {
			return this.kind == Kind.SAME || this.kind == Kind.UPSTREAM || this.kind == Kind.DOWNSTREAM;
		}

		boolean closerThan(Relation other) {
			if (this.kind == Kind.NONE) {
				return false;
			}
			if (other.kind == Kind.NONE) {
				return true;
			}
			if (this.directed() != other.directed()) {
				return this.directed();
			}
			return this.distance < other.distance;
		}

	}

}
