package io.nopesight.correlation.service;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.service.DependencyMap.Edge;
import io.nopesight.correlation.service.DependencyMap.Node;

/**
 * A map with the positions ELK gave it: each node's box, each edge's route and the box of its label, and the
 * direction the dependencies run in.
 */
record LaidOutMap(Flow flow, double width, double height, List<PlacedNode> nodes, List<PlacedEdge> edges) {

	LaidOutMap {
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
	}

	LaidOutMap moved(double dx, double dy) {
		return new LaidOutMap(this.flow, this.width, this.height,
				this.nodes.stream().map((node) -> new PlacedNode(node.node(), node.box().moved(dx, dy))).toList(),
				this.edges.stream().map((edge) -> edge.moved(dx, dy)).toList());
	}

	/** Which way dependencies run in the picture. */
	enum Flow {

		TOP_DOWN, LEFT_TO_RIGHT

	}

	record Box(double x, double y, double width, double height) {

		double right() {
			return this.x + this.width;
		}

		double bottom() {
			return this.y + this.height;
		}

		boolean overlaps(Box other) {
			return this.x < other.right() && other.x < right() && this.y < other.bottom() && other.y < bottom();
		}

		boolean contains(Box other) {
			return this.x <= other.x && other.right() <= right() && this.y <= other.y && other.bottom() <= bottom();
		}

		Box moved(double dx, double dy) {
			return new Box(this.x + dx, this.y + dy, this.width, this.height);
		}

	}

	record Point(double x, double y) {

	}

	record PlacedNode(Node node, Box box) {

	}

	/**
	 * An edge's route, from its start through ELK's bend points to the end the arrowhead sits on.
	 */
	record PlacedEdge(Edge edge, List<Point> route, @Nullable Box label) {

		PlacedEdge {
			route = List.copyOf(route);
		}

		PlacedEdge moved(double dx, double dy) {
			return new PlacedEdge(this.edge,
					this.route.stream().map((point) -> new Point(point.x() + dx, point.y() + dy)).toList(),
					(this.label != null) ? this.label.moved(dx, dy) : null);
		}

	}

}
