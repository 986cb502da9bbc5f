package io.nopesight.correlation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;

/**
 * The CIs whose events weigh on a service: its components, and what each runs on or depends on through the
 * topology (the CIs whose failure reaches a component), each at its shortest distance from a component.
 */
final class ServiceReach {

	private final Map<String, Place> places;

	private ServiceReach(Map<String, Place> places) {
		this.places = places;
	}

	static ServiceReach of(List<String> components, Topology topology, int maxDepth) {
		Map<String, Place> places = new LinkedHashMap<>();
		for (String component : components) {
			String componentName = name(topology, component);
			places.put(component, new Place(0, componentName, component, componentName));
		}
		for (String component : components) {
			String componentName = name(topology, component);
			topology.upstream(component, maxDepth).forEach((ci, distance) -> {
				Place known = places.get(ci);
				if (known == null || known.distance() > distance) {
					places.put(ci, new Place(distance, name(topology, ci), component, componentName));
				}
			});
		}
		return new ServiceReach(places);
	}

	boolean contains(String ci) {
		return this.places.containsKey(ci);
	}

	Place placeOf(String ci) {
		return this.places.get(ci);
	}

	Set<String> cis() {
		return this.places.keySet();
	}

	private static String name(Topology topology, String ci) {
		return topology.node(ci).map(TopologyNode::name).orElse(ci);
	}

	/**
	 * Where a CI stands to the service: how many links below the nearest component (0: a component), and which.
	 */
	record Place(int distance, String ciName, String componentCiId, String componentName) {
	}

}
