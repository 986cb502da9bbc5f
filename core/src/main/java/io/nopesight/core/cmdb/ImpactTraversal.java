package io.nopesight.core.cmdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One breadth-first walk from a CI in the direction failure travels. Each CI reached gets a position, in the
 * order reached (so by distance), and keeps the link it was reached by and the position of the CI that link
 * came from (a parent pointer): a shortest way to any CI is read back from those, and only for the CIs the
 * answer shows. The walk follows CIs by slot (see {@link Graph}) so that a switch that reaches most of the
 * estate costs a few milliseconds, not a hash lookup of an id per link.
 */
final class ImpactTraversal {

	/**
	 * The order in which a {@link Graph} gives a CI's links down: by the CI they lead to, then by relationship.
	 */
	static final Comparator<ImpactLink> BELOW = Comparator.comparing(ImpactLink::downstream)
		.thenComparing(ImpactLink::relationshipId);

	private static final Comparator<Candidate> BY_NAME = Comparator
		.comparing((Candidate candidate) -> candidate.node().name(), String.CASE_INSENSITIVE_ORDER)
		.thenComparing((candidate) -> candidate.node().id());

	private final Topology topology;

	private final Graph graph;

	private final TopologyNode origin;

	private final int maxDepth;

	private final SlotPositions positions = new SlotPositions();

	// by position: the CI's slot, the link it was reached by and the position that link came from (the
	// origin, at position 0, has neither)
	private int[] slots = new int[16];

	private @Nullable ImpactLink[] via = new ImpactLink[16];

	private int[] parent = new int[16];

	private int size;

	// the CIs at distance d have the positions levelStart[d] to levelStart[d + 1] - 1
	private final int[] levelStart;

	private int levels;

	private ImpactTraversal(Topology topology, Graph graph, TopologyNode origin, int maxDepth) {
		this.topology = topology;
		this.graph = graph;
		this.origin = origin;
		this.maxDepth = maxDepth;
		this.levelStart = new int[maxDepth + 2];
	}

	static Impact impact(Topology topology, Graph graph, TopologyNode origin, int maxDepth, int limit) {
		Assert.isTrue(maxDepth >= 0, "'maxDepth' must not be negative");
		Assert.isTrue(limit >= 0, "'limit' must not be negative");
		ImpactTraversal traversal = new ImpactTraversal(topology, graph, origin, maxDepth);
		traversal.walk();
		return traversal.impact(limit);
	}

	/**
	 * A graph for a topology that keeps no slots: slots are given out as the walk meets CIs.
	 */
	static Graph slotsAsMet(Topology topology) {
		return new SlotsAsMet(topology);
	}

	// the first way found to a CI is kept: the graph gives each CI's links down in the order of BELOW, so which
	// way is first depends on the graph alone, not on the order its links were loaded or changed in
	private void walk() {
		int start = this.graph.slot(this.origin.id());
		append(start, null, -1);
		if (start >= 0) {
			this.positions.putIfAbsent(start, 0);
		}
		this.levels = 1;
		for (int d = 0; d < this.maxDepth; d++) {
			int from = this.levelStart[d];
			int to = this.size;
			if (from == to) {
				break;
			}
			this.levelStart[d + 1] = to;
			this.levels++;
			for (int q = from; q < to; q++) {
				Below below = (this.slots[q] >= 0) ? this.graph.below(this.slots[q]) : null;
				if (below != null) {
					int[] belowSlots = below.belowSlots();
					for (int j = 0; j < belowSlots.length; j++) {
						// most links of a large walk lead to CIs reached already: the link itself is read
						// only for a CI reached for the first time
						if (this.positions.putIfAbsent(belowSlots[j], this.size) < 0) {
							append(belowSlots[j], below.below().get(j), q);
						}
					}
				}
			}
		}
		this.levelStart[this.levels] = this.size;
	}

	private void append(int slot, @Nullable ImpactLink link, int from) {
		if (this.size == this.slots.length) {
			this.slots = Arrays.copyOf(this.slots, this.size * 2);
			this.via = Arrays.copyOf(this.via, this.size * 2);
			this.parent = Arrays.copyOf(this.parent, this.size * 2);
		}
		this.slots[this.size] = slot;
		this.via[this.size] = link;
		this.parent[this.size] = from;
		this.size++;
	}

	private Impact impact(int limit) {
		List<ImpactedCi> cis = new ArrayList<>(Math.min(limit, this.size - 1));
		for (int d = 1; d < this.levels && cis.size() < limit; d++) {
			for (Candidate candidate : first(this.levelStart[d], this.levelStart[d + 1], limit - cis.size())) {
				cis.add(impacted(candidate, d));
			}
		}
		return new Impact(this.origin, this.maxDepth, new ReachedCis(this.via, this.size, this.levelStart, this.levels),
				List.copyOf(cis));
	}

	// the first n CIs of a level by name: a level can hold tens of thousands of VMs, of which only the first
	// hundred are shown, so they are picked with a bounded heap rather than by sorting the level
	private List<Candidate> first(int from, int to, int n) {
		PriorityQueue<Candidate> kept = new PriorityQueue<>(Math.min(n, to - from) + 1, BY_NAME.reversed());
		for (int p = from; p < to; p++) {
			Candidate candidate = new Candidate(node(this.via[p].downstream()), p);
			if (kept.size() < n) {
				kept.add(candidate);
			}
			else if (BY_NAME.compare(candidate, kept.peek()) < 0) {
				kept.poll();
				kept.add(candidate);
			}
		}
		List<Candidate> first = new ArrayList<>(kept);
		first.sort(BY_NAME);
		return first;
	}

	// each CI at distance d was reached from one at distance d - 1, so d steps back lead to the origin
	private ImpactedCi impacted(Candidate candidate, int d) {
		TopologyNode[] path = new TopologyNode[d + 1];
		ImpactLink[] links = new ImpactLink[d];
		int p = candidate.position();
		path[d] = candidate.node();
		for (int i = d - 1; i >= 0; i--) {
			links[i] = this.via[p];
			p = this.parent[p];
			path[i] = (i == 0) ? this.origin : node(this.via[p].downstream());
		}
		return new ImpactedCi(candidate.node(), d, List.of(path), List.of(links));
	}

	// a CI's links leave the graph just after the CI itself when it is deleted; a walk in between still shows it
	private TopologyNode node(String id) {
		return this.topology.node(id).orElseGet(() -> new TopologyNode(id, id, "unknown"));
	}

	private record Candidate(TopologyNode node, int position) {
	}

	/**
	 * What the walk reads of a graph: every CI that has links has a slot, a small number of its own.
	 */
	interface Graph {

		/**
		 * The slot of the CI, or -1 when it has no links.
		 */
		int slot(String ciId);

		/**
		 * The links down from the CI in {@code slot}, in the order of {@link #BELOW}, or {@code null} when it
		 * has none now.
		 */
		@Nullable Below below(int slot);

	}

	/**
	 * A CI's links down, with the slots of the CIs at their other end, position by position.
	 */
	interface Below {

		List<ImpactLink> below();

		int[] belowSlots();

	}

	private static final class SlotsAsMet implements Graph {

		private final Topology topology;

		private final Map<String, Integer> slots = new HashMap<>();

		private final List<String> ids = new ArrayList<>();

		private final Map<Integer, Below> below = new HashMap<>();

		SlotsAsMet(Topology topology) {
			this.topology = topology;
		}

		@Override
		public int slot(String ciId) {
			Integer slot = this.slots.get(ciId);
			if (slot == null) {
				slot = this.ids.size();
				this.slots.put(ciId, slot);
				this.ids.add(ciId);
			}
			return slot;
		}

		@Override
		public Below below(int slot) {
			return this.below.computeIfAbsent(slot, (s) -> {
				List<ImpactLink> links = new ArrayList<>(this.topology.downstreamLinks(this.ids.get(s)));
				links.sort(BELOW);
				int[] belowSlots = new int[links.size()];
				for (int i = 0; i < belowSlots.length; i++) {
					belowSlots[i] = slot(links.get(i).downstream());
				}
				return new Found(links, belowSlots);
			});
		}

		private record Found(List<ImpactLink> below, int[] belowSlots) implements Below {
		}

	}

}
