package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Map;

/**
 * What the failure of {@code origin} takes down within {@code maxDepth} links: {@code reached} holds every CI
 * the failure reaches with its distance, nearest first, and {@code cis} the first of them in the order of
 * distance, name (ignoring case) and id, as many as were asked for, each with a shortest way there. A
 * core switch reaches most of an estate, so callers that show the answer ask for a few and count the rest.
 */
public record Impact(TopologyNode origin, int maxDepth, Map<String, Integer> reached, List<ImpactedCi> cis) {

	/**
	 * How many CIs the failure reaches, of which {@link #cis()} lists the first.
	 */
	public int total() {
		return this.reached.size();
	}

}
