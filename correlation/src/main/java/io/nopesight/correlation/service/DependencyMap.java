package io.nopesight.correlation.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * What a dependency map shows: a business service, its components, the infrastructure they run on, and the
 * services it uses and is used by. An edge points from the side that depends to the side it depends on
 * (service to component, component to server, service to the service it requires).
 *
 * @param title the map's heading
 * @param nodes the boxes, each with an id unique in the map
 * @param edges the arrows between them, by node id
 */
public record DependencyMap(String title, List<Node> nodes, List<Edge> edges) {

	public DependencyMap {
		Assert.notNull(title, "'title' must not be null");
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
		Set<String> ids = new HashSet<>();
		for (Node node : nodes) {
			Assert.isTrue(ids.add(node.id()), () -> "node id '" + node.id() + "' is not unique");
		}
		for (Edge edge : edges) {
			Assert.isTrue(ids.contains(edge.from()), () -> "edge from unknown node '" + edge.from() + "'");
			Assert.isTrue(ids.contains(edge.to()), () -> "edge to unknown node '" + edge.to() + "'");
		}
	}

	/**
	 * A box: {@code label} is its name, {@code detail} a second, smaller line (CI type, component role, or
	 * "required · full_outage"); either may be empty.
	 */
	public record Node(String id, String label, String detail, Kind kind, Health health) {

		public Node {
			Assert.notNull(id, "'id' must not be null");
			Assert.notNull(label, "'label' must not be null");
			Assert.notNull(detail, "'detail' must not be null");
			Assert.notNull(kind, "'kind' must not be null");
			Assert.notNull(health, "'health' must not be null");
		}

	}

	/**
	 * What a box stands for, relative to the service the map is of.
	 */
	public enum Kind {

		/** The service the map is of. */
		SERVICE,
		/** A service this one depends on. */
		UPSTREAM_SERVICE,
		/** A service that depends on this one. */
		DOWNSTREAM_SERVICE,
		/** One of the service's configuration items. */
		COMPONENT,
		/** A configuration item the components run on or depend on, directly or not. */
		INFRASTRUCTURE

	}

	/**
	 * A box's colour.
	 */
	public enum Health {

		HEALTHY, DEGRADED, DOWN, UNKNOWN

	}

	/**
	 * An arrow from the node that depends to the node it depends on; {@code label} may be empty.
	 */
	public record Edge(String from, String to, String label, Style style) {

		public Edge {
			Assert.notNull(from, "'from' must not be null");
			Assert.notNull(to, "'to' must not be null");
			Assert.notNull(label, "'label' must not be null");
			Assert.notNull(style, "'style' must not be null");
		}

	}

	/**
	 * How an arrow is drawn: what kind of dependency it is.
	 */
	public enum Style {

		/** The service to one of its components. */
		COMPONENT,
		/** A configuration item to what hosts it. */
		RUNS_ON,
		/** A configuration item to another it depends on. */
		DEPENDS_ON,
		/** A service to a service it cannot work without. */
		REQUIRED,
		/** A service to a service it can work without, less well. */
		OPTIONAL

	}

}
