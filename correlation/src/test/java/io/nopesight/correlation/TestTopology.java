package io.nopesight.correlation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * A small topology for unit tests, built link by link, whose CI ids are their names.
 */
final class TestTopology implements Topology {

	private final Map<String, TopologyNode> nodes = new LinkedHashMap<>();

	private final List<ImpactLink> links = new ArrayList<>();

	TestTopology ci(String name, String type) {
		this.nodes.put(name, new TopologyNode(name, name, type));
		return this;
	}

	/**
	 * {@code upstream}'s failure reaches {@code downstream} (as {@code downstream runs_on upstream}).
	 */
	TestTopology link(String downstream, String type, String upstream) {
		this.nodes.putIfAbsent(downstream, new TopologyNode(downstream, downstream, "server"));
		this.nodes.putIfAbsent(upstream, new TopologyNode(upstream, upstream, "server"));
		this.links.add(new ImpactLink("rel_" + this.links.size(), type, upstream, downstream, true, "manual", 1.0));
		return this;
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
		return this.nodes.values().stream().filter((n) -> n.name().toLowerCase(Locale.ROOT)
			.equals(name.toLowerCase(Locale.ROOT))).toList();
	}

	// downstream and impact are the interface's own traversal, the one production uses
	@Override
	public Map<String, Integer> upstream(String ciId, int maxDepth) {
		return walk(ciId, maxDepth);
	}

	@Override
	public List<ImpactLink> path(String upstream, String downstream, int maxDepth) {
		Map<String, ImpactLink> via = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>(List.of(upstream));
		Map<String, Integer> depth = new HashMap<>(Map.of(upstream, 0));
		while (!queue.isEmpty()) {
			String ci = queue.poll();
			for (ImpactLink link : this.links) {
				if (link.upstream().equals(ci) && !depth.containsKey(link.downstream()) && depth.get(ci) < maxDepth) {
					depth.put(link.downstream(), depth.get(ci) + 1);
					via.put(link.downstream(), link);
					queue.add(link.downstream());
				}
			}
		}
		List<ImpactLink> path = new ArrayList<>();
		for (ImpactLink link = via.get(downstream); link != null; link = via.get(link.upstream())) {
			path.add(0, link);
		}
		return path;
	}

	@Override
	public List<ImpactLink> links(String ciId) {
		return this.links.stream().filter((l) -> l.upstream().equals(ciId) || l.downstream().equals(ciId)).toList();
	}

	@Override
	public long version() {
		return this.links.size();
	}

	@Override
	public void catchUp() {
	}

	private Map<String, Integer> walk(String start, int maxDepth) {
		Map<String, Integer> depth = new LinkedHashMap<>(Map.of(start, 0));
		ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			String ci = queue.poll();
			if (depth.get(ci) >= maxDepth) {
				continue;
			}
			for (ImpactLink link : this.links) {
				String next = link.downstream().equals(ci) ? link.upstream() : null;
				if (next != null && !depth.containsKey(next)) {
					depth.put(next, depth.get(ci) + 1);
					queue.add(next);
				}
			}
		}
		depth.remove(start);
		return depth;
	}

}
