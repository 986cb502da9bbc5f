package io.nopesight.correlation.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * A topology of a few links for unit tests; each CI is named by its id.
 */
final class LinkedTopology implements Topology {

	private final List<ImpactLink> links;

	private final Map<String, TopologyNode> nodes = new LinkedHashMap<>();

	LinkedTopology(ImpactLink... links) {
		this.links = List.of(links);
		for (ImpactLink link : links) {
			this.nodes.putIfAbsent(link.upstream(), new TopologyNode(link.upstream(), link.upstream(), "server"));
			this.nodes.putIfAbsent(link.downstream(), new TopologyNode(link.downstream(), link.downstream(), "server"));
		}
	}

	@Override
	public Optional<TopologyNode> node(String ciId) {
		return Optional.ofNullable(this.nodes.get(ciId));
	}

	@Override
	public int size() {
		return this.nodes.size();
	}

	@Override
	public List<TopologyNode> byName(String name) {
		return this.nodes.values().stream().filter((n) -> n.name().equalsIgnoreCase(name)).toList();
	}

	@Override
	public Map<String, Integer> upstream(String ciId, int maxDepth) {
		return walk(ciId, maxDepth, true);
	}

	@Override
	public Map<String, Integer> downstream(String ciId, int maxDepth) {
		return walk(ciId, maxDepth, false);
	}

	@Override
	public List<ImpactLink> path(String upstream, String downstream, int maxDepth) {
		return List.of();
	}

	@Override
	public List<ImpactLink> links(String ciId) {
		return this.links.stream().filter((l) -> l.upstream().equals(ciId) || l.downstream().equals(ciId)).toList();
	}

	@Override
	public long version() {
		return 1;
	}

	@Override
	public void catchUp() {
	}

	private Map<String, Integer> walk(String from, int maxDepth, boolean up) {
		Map<String, Integer> found = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(from));
		Map<String, Integer> depth = new LinkedHashMap<>(Map.of(from, 0));
		while (!queue.isEmpty()) {
			String at = queue.poll();
			int d = depth.get(at);
			if (d == maxDepth) {
				continue;
			}
			List<String> next = new ArrayList<>();
			for (ImpactLink link : this.links) {
				if (up && link.downstream().equals(at)) {
					next.add(link.upstream());
				}
				if (!up && link.upstream().equals(at)) {
					next.add(link.downstream());
				}
			}
			for (String n : next) {
				if (!depth.containsKey(n)) {
					depth.put(n, d + 1);
					found.put(n, d + 1);
					queue.add(n);
				}
			}
		}
		return found;
	}

}
