package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estate as a graph of how failure travels, kept in memory and following every change made through any
 * node: a CI is upstream of another when its failure can take the other down. A relationship carries
 * failure from its target to its source for {@code runs_on}, {@code installed_on}, {@code depends_on},
 * {@code hosted_on} and {@code uses} (the host, the server, the dependency fails first), and for
 * {@code connected_to} from the network device to what is connected to it (from the target when both or
 * neither end is one). Other relationship types carry no failure.
 */
public interface Topology {

	Optional<TopologyNode> node(String ciId);

	/**
	 * How many CIs the graph holds.
	 */
	int size();

	/**
	 * The CIs of that name (any type), ignoring case.
	 */
	List<TopologyNode> byName(String name);

	/**
	 * The CIs whose failure reaches {@code ciId}, each with the number of links on the shortest way, up to
	 * {@code maxDepth}; {@code ciId} itself is not included.
	 */
	Map<String, Integer> upstream(String ciId, int maxDepth);

	/**
	 * The CIs that the failure of {@code ciId} reaches, with their distance, up to {@code maxDepth}: the
	 * {@link Impact#reached() reach} of {@link #impact}.
	 */
	default Map<String, Integer> downstream(String ciId, int maxDepth) {
		return impact(ciId, maxDepth, 0).map(Impact::reached).orElse(Map.of());
	}

	/**
	 * What the failure of {@code ciId} takes down, up to {@code maxDepth} links away: every CI it reaches with
	 * its distance, and the first {@code limit} of them (by distance, name, id) each with a shortest way the
	 * failure travels there; empty when the graph does not know the CI. One walk of the graph, whatever the
	 * limit; every caller (the API, correlation, services, reports) asks this one walk, so they agree on what
	 * a failure reaches.
	 */
	default Optional<Impact> impact(String ciId, int maxDepth, int limit) {
		return node(ciId)
			.map((origin) -> ImpactTraversal.impact(this, ImpactTraversal.slotsAsMet(this), origin, maxDepth, limit));
	}

	/**
	 * A shortest way failure travels from {@code upstream} to {@code downstream}, link by link, or an empty
	 * list when it does not within {@code maxDepth}.
	 */
	List<ImpactLink> path(String upstream, String downstream, int maxDepth);

	/**
	 * The links into and out of {@code ciId}.
	 */
	List<ImpactLink> links(String ciId);

	/**
	 * The links along which the failure of {@code ciId} travels on: those whose upstream end it is.
	 */
	default List<ImpactLink> downstreamLinks(String ciId) {
		return links(ciId).stream().filter((link) -> link.upstream().equals(ciId)).toList();
	}

	/**
	 * Raised by every change the graph takes in, so callers can tell when what they derived from it is stale.
	 */
	long version();

	/**
	 * Takes in every change committed so far, now; the graph also follows on its own within a second.
	 */
	void catchUp();

}
