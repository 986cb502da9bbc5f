package io.nopesight.core.cmdb;

import java.util.List;

/**
 * A CI that a failure reaches, {@code distance} links away, with a shortest way the failure travels there:
 * {@code path} the CIs from the failing one to this one (both included), {@code links} the links between
 * them, one fewer ({@code links.get(i)} leads from {@code path.get(i)} to {@code path.get(i + 1)}).
 */
public record ImpactedCi(TopologyNode ci, int distance, List<TopologyNode> path, List<ImpactLink> links) {
}
