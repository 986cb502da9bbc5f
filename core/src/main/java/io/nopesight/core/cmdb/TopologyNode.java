package io.nopesight.core.cmdb;

/**
 * A CI as the {@link Topology} knows it.
 */
public record TopologyNode(String id, String name, String type) {
}
