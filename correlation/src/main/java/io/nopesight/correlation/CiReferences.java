package io.nopesight.correlation;

import java.util.List;

import org.springframework.stereotype.Component;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * Finds the CIs a client names by id or by name, as events and services take them: the topology first (in
 * memory), the database for a CI written so recently the topology has not seen it yet.
 */
@Component
public class CiReferences {

	private final Topology topology;

	private final CmdbManagement cmdb;

	CiReferences(Topology topology, CmdbManagement cmdb) {
		this.topology = topology;
		this.cmdb = cmdb;
	}

	/**
	 * The ids of the CIs {@code reference} names: one, none, or several when a name is shared.
	 */
	public List<String> find(String reference) {
		if (this.topology.node(reference).isPresent()) {
			return List.of(reference);
		}
		List<TopologyNode> named = this.topology.byName(reference);
		if (!named.isEmpty()) {
			return named.stream().map(TopologyNode::id).toList();
		}
		if (reference.startsWith("ci_")) {
			try {
				return List.of(this.cmdb.get(reference).id());
			}
			catch (RuntimeException ex) {
				return List.of();
			}
		}
		return this.cmdb.findByName(reference).stream().map(ConfigurationItem::id).toList();
	}

}
