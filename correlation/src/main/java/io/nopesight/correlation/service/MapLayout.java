package io.nopesight.correlation.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.service.DependencyMap.Edge;
import io.nopesight.correlation.service.DependencyMap.Node;
import io.nopesight.correlation.service.LaidOutMap.Box;
import io.nopesight.correlation.service.LaidOutMap.Flow;
import io.nopesight.correlation.service.LaidOutMap.PlacedEdge;
import io.nopesight.correlation.service.LaidOutMap.PlacedNode;
import io.nopesight.correlation.service.LaidOutMap.Point;

/**
 * Lays a map out with ELK's layered algorithm, run standalone: boxes come sized for their text, and ELK
 * places them in layers, routes the edges orthogonally and places the edge labels so that none overlap.
 */
final class MapLayout {

	/** How much wider than tall a top-down picture may be before left to right is tried. */
	private static final double WIDE = 1.6;

	static {
		LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
	}

	private MapLayout() {
	}

	/**
	 * Lays the map out top-down, the way operators know service maps (ServiceNow, Smartscape): what uses the
	 * service above it, then the service, then what it depends on (components and the services it requires,
	 * then the infrastructure under them), with the hardware at the bottom. A layer is a row of boxes that are
	 * wider than tall, though, so a layer of dozens of servers makes a strip many screens wide; when the
	 * top-down picture is much wider than tall, the map is laid out left to right as well and the picture
	 * whose longer side is shorter wins: columns of boxes pack far tighter than rows, and a map of 200 boxes
	 * becomes a tall page to scroll.
	 */
	static LaidOutMap of(DependencyMap map) {
		LaidOutMap topDown = of(map, Flow.TOP_DOWN);
		if (topDown.width() <= WIDE * topDown.height()) {
			return topDown;
		}
		LaidOutMap leftToRight = of(map, Flow.LEFT_TO_RIGHT);
		return (longerSide(leftToRight) < longerSide(topDown)) ? leftToRight : topDown;
	}

	static LaidOutMap of(DependencyMap map, Flow flow) {
		ElkNode graph = ElkGraphUtil.createGraph();
		configure(graph, flow);
		Map<String, ElkNode> shapes = new HashMap<>();
		for (Node node : map.nodes()) {
			ElkNode shape = ElkGraphUtil.createNode(graph);
			shape.setIdentifier(node.id());
			shape.setDimensions(NodeText.width(node), NodeText.height(node));
			shapes.put(node.id(), shape);
		}
		List<ElkEdge> arrows = new ArrayList<>(map.edges().size());
		for (Edge edge : map.edges()) {
			arrows.add(arrow(edge, shapes));
		}
		new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
		List<PlacedNode> nodes = new ArrayList<>(map.nodes().size());
		for (Node node : map.nodes()) {
			ElkNode shape = shapes.get(node.id());
			nodes.add(new PlacedNode(node, new Box(shape.getX(), shape.getY(), shape.getWidth(), shape.getHeight())));
		}
		List<PlacedEdge> edges = new ArrayList<>(arrows.size());
		for (int i = 0; i < arrows.size(); i++) {
			edges.add(new PlacedEdge(map.edges().get(i), route(arrows.get(i)), labelBox(arrows.get(i))));
		}
		return new LaidOutMap(flow, graph.getWidth(), graph.getHeight(), nodes, edges);
	}

	private static ElkEdge arrow(Edge edge, Map<String, ElkNode> shapes) {
		ElkEdge arrow = ElkGraphUtil.createSimpleEdge(shapes.get(edge.from()), shapes.get(edge.to()));
		String text = MapLook.shorten(edge.label());
		if (!text.isBlank()) {
			ElkLabel label = ElkGraphUtil.createLabel(text, arrow);
			label.setDimensions(TextWidths.of(text, MapLook.EDGE_LABEL_SIZE, false) + 8, MapLook.EDGE_LABEL_SIZE + 6);
		}
		return arrow;
	}

	private static double longerSide(LaidOutMap map) {
		return Math.max(map.width(), map.height());
	}

	private static void configure(ElkNode graph, Flow flow) {
		graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		graph.setProperty(CoreOptions.DIRECTION, (flow == Flow.TOP_DOWN) ? Direction.DOWN : Direction.RIGHT);
		graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		graph.setProperty(CoreOptions.PADDING, new ElkPadding(16));
		graph.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
		graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
		graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 18.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
		graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
		graph.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 40.0);
		// a loop (a database replicating to itself) wide enough to show its arrowhead
		graph.setProperty(CoreOptions.SPACING_NODE_SELF_LOOP, 18.0);
		graph.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
		// Brandes-Koepf pushed the service to one end of its layer, away from most of the 25 boxes it points to;
		// network simplex keeps a box level with its neighbours, which shortens the edges and centres the
		// service
		graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
		// ties in crossing minimisation keep the caller's order, so a component's servers come out in order
		graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
	}

	private static List<Point> route(ElkEdge arrow) {
		List<Point> points = new ArrayList<>();
		for (ElkEdgeSection section : arrow.getSections()) {
			points.add(new Point(section.getStartX(), section.getStartY()));
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new Point(bend.getX(), bend.getY()));
			}
			points.add(new Point(section.getEndX(), section.getEndY()));
		}
		return points;
	}

	private static @Nullable Box labelBox(ElkEdge arrow) {
		if (arrow.getLabels().isEmpty()) {
			return null;
		}
		ElkLabel label = arrow.getLabels().get(0);
		return new Box(label.getX(), label.getY(), label.getWidth(), label.getHeight());
	}

}
