package io.nopesight.core.cmdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.springframework.util.Assert;

/**
 * One breadth-first walk from a CI in the direction failure travels. Each CI reached keeps its distance and
 * the link it was reached by (a parent pointer), so a shortest way to any of them is read back link by link
 * rather than searched for again, and only for the CIs the answer shows.
 */
final class ImpactTraversal {

	private static final Comparator<TopologyNode> BY_NAME = Comparator
		.comparing(TopologyNode::name, String.CASE_INSENSITIVE_ORDER)
		.thenComparing(TopologyNode::id);

	private final Topology topology;

	private final TopologyNode origin;

	private final int maxDepth;

	// in the order reached, so by distance; the origin is taken out once the walk is done
	private final LinkedHashMap<String, Integer> distance = new LinkedHashMap<>();

	private final Map<String, ImpactLink> reachedBy = new HashMap<>();

	private final List<String> order = new ArrayList<>();

	// the CIs at distance d are order[levelStart[d], levelStart[d + 1])
	private final List<Integer> levelStart = new ArrayList<>();

	private ImpactTraversal(Topology topology, TopologyNode origin, int maxDepth) {
		this.topology = topology;
		this.origin = origin;
		this.maxDepth = maxDepth;
	}

	static Impact impact(Topology topology, TopologyNode origin, int maxDepth, int limit) {
		Assert.isTrue(maxDepth >= 0, "'maxDepth' must not be negative");
		Assert.isTrue(limit >= 0, "'limit' must not be negative");
		ImpactTraversal traversal = new ImpactTraversal(topology, origin, maxDepth);
		traversal.walk();
		return traversal.impact(limit);
	}

	private void walk() {
		this.distance.put(this.origin.id(), 0);
		this.order.add(this.origin.id());
		this.levelStart.add(0);
		for (int d = 0; d < this.maxDepth; d++) {
			int start = this.levelStart.get(d);
			int end = this.order.size();
			if (start == end) {
				break;
			}
			this.levelStart.add(end);
			for (int i = start; i < end; i++) {
				String ci = this.order.get(i);
				for (ImpactLink link : this.topology.links(ci)) {
					if (link.upstream().equals(ci)) {
						reach(link, d + 1);
					}
				}
			}
		}
		this.levelStart.add(this.order.size());
	}

	private void reach(ImpactLink link, int d) {
		String ci = link.downstream();
		Integer known = this.distance.putIfAbsent(ci, d);
		if (known == null) {
			this.reachedBy.put(ci, link);
			this.order.add(ci);
		}
		else if (known == d && preferred(link, this.reachedBy.get(ci))) {
			// of the links that reach a CI from the same distance the same one wins whatever order the
			// graph keeps its link lists in (which changes as relationships come and go), so the path shown
			// for a CI stays put while the graph around it does not change
			this.reachedBy.put(ci, link);
		}
	}

	private static boolean preferred(ImpactLink link, ImpactLink current) {
		int byUpstream = link.upstream().compareTo(current.upstream());
		return byUpstream < 0 || (byUpstream == 0 && link.relationshipId().compareTo(current.relationshipId()) < 0);
	}

	private Impact impact(int limit) {
		List<ImpactedCi> cis = new ArrayList<>(Math.min(limit, this.order.size() - 1));
		for (int d = 1; d < this.levelStart.size() - 1 && cis.size() < limit; d++) {
			List<String> level = this.order.subList(this.levelStart.get(d), this.levelStart.get(d + 1));
			for (TopologyNode node : first(level, limit - cis.size())) {
				cis.add(impacted(node, d));
			}
		}
		this.distance.remove(this.origin.id());
		return new Impact(this.origin, this.maxDepth, Collections.unmodifiableMap(this.distance), List.copyOf(cis));
	}

	// the first n CIs of a level by name: a level can hold tens of thousands of VMs, of which only the first
	// hundred are shown, so they are picked with a bounded heap rather than by sorting the level
	private List<TopologyNode> first(List<String> level, int n) {
		List<TopologyNode> first;
		if (level.size() <= n) {
			first = new ArrayList<>(level.size());
			for (String id : level) {
				first.add(node(id));
			}
		}
		else {
			PriorityQueue<TopologyNode> kept = new PriorityQueue<>(n + 1, BY_NAME.reversed());
			for (String id : level) {
				TopologyNode node = node(id);
				if (kept.size() < n) {
					kept.add(node);
				}
				else if (BY_NAME.compare(node, kept.peek()) < 0) {
					kept.poll();
					kept.add(node);
				}
			}
			first = new ArrayList<>(kept);
		}
		first.sort(BY_NAME);
		return first;
	}

	// each CI at distance d was reached from one at distance d - 1, so d steps back lead to the origin
	private ImpactedCi impacted(TopologyNode ci, int d) {
		TopologyNode[] path = new TopologyNode[d + 1];
		ImpactLink[] links = new ImpactLink[d];
		path[d] = ci;
		String current = ci.id();
		for (int i = d - 1; i >= 0; i--) {
			ImpactLink link = this.reachedBy.get(current);
			links[i] = link;
			current = link.upstream();
			path[i] = (i == 0) ? this.origin : node(current);
		}
		return new ImpactedCi(ci, d, List.of(path), List.of(links));
	}

	// a CI's links leave the graph just after the CI itself when it is deleted; a walk in between still shows it
	private TopologyNode node(String id) {
		return this.topology.node(id).orElseGet(() -> new TopologyNode(id, id, "unknown"));
	}

}
