package io.nopesight.correlation.service;

import java.util.List;
import java.util.Locale;

import io.nopesight.correlation.service.DependencyMap.Node;
import io.nopesight.correlation.service.LaidOutMap.Box;
import io.nopesight.correlation.service.LaidOutMap.PlacedEdge;
import io.nopesight.correlation.service.LaidOutMap.PlacedNode;
import io.nopesight.correlation.service.LaidOutMap.Point;
import io.nopesight.correlation.service.MapLook.Fill;
import io.nopesight.correlation.service.MapLook.Line;
import io.nopesight.correlation.service.MapLook.Outline;

/**
 * Writes a {@link MapDrawing} as SVG: edges first, then the boxes over their ends, then the edge labels on
 * top so that no line runs through one.
 */
final class MapSvg {

	static final double ARROW_LENGTH = 9;

	private MapSvg() {
	}

	static String write(MapDrawing drawing) {
		Svg svg = new Svg();
		svg.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", drawing.width(), "height", drawing.height(),
				"viewBox", "0 0 " + Svg.number(drawing.width()) + " " + Svg.number(drawing.height()), "font-family",
				MapLook.FONT_FAMILY);
		svg.text("\n");
		svg.empty("rect", "width", drawing.width(), "height", drawing.height(), "fill", "#ffffff");
		svg.textElement("text", drawing.title(), "class", "title", "x", MapDrawing.MARGIN, "y",
				MapDrawing.MARGIN + MapLook.TITLE_SIZE * 0.8, "font-size", MapLook.TITLE_SIZE, "font-weight", "bold",
				"fill", MapLook.TEXT);
		MapLegend.write(svg, drawing.legend(), drawing.graph().flow());
		svg.start("g", "class", "edges", "fill", "none").text("\n");
		for (PlacedEdge edge : drawing.graph().edges()) {
			edge(svg, edge);
		}
		svg.end("g");
		svg.start("g", "class", "nodes").text("\n");
		for (PlacedNode node : drawing.graph().nodes()) {
			node(svg, node);
		}
		svg.end("g");
		svg.start("g", "class", "edge-labels").text("\n");
		for (PlacedEdge edge : drawing.graph().edges()) {
			edgeLabel(svg, edge);
		}
		svg.end("g");
		return svg.end("svg").toString();
	}

	private static void node(Svg svg, PlacedNode placed) {
		Node node = placed.node();
		Box box = placed.box();
		Fill fill = MapLook.fill(node.health());
		Outline outline = MapLook.outline(node.kind());
		svg.start("g", "class", "node", "data-id", node.id(), "data-kind", node.kind().name(), "data-health",
				node.health().name());
		String tooltip = node.label() + (node.detail().isEmpty() ? "" : " (" + node.detail() + ")") + ": "
				+ node.health().name().toLowerCase(Locale.ROOT);
		svg.textElement("title", tooltip);
		svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "rx",
				(outline.radius() > 0) ? outline.radius() : null, "fill", fill.tint(), "stroke", fill.stroke(),
				"stroke-width", outline.strokeWidth(), "stroke-dasharray", outline.dash());
		for (NodeText.Line line : NodeText.lines(node, box)) {
			svg.textElement("text", line.text(), "x", line.centre(), "y", line.baseline(), "text-anchor", "middle",
					"font-size", line.size(), "font-weight", line.bold() ? "bold" : null, "fill",
					line.detail() ? MapLook.MUTED : MapLook.TEXT);
		}
		svg.end("g");
	}

	private static void edge(Svg svg, PlacedEdge edge) {
		List<Point> route = edge.route();
		if (route.size() < 2) {
			return;
		}
		Line line = MapLook.line(edge.edge().style());
		Point end = route.get(route.size() - 1);
		Point before = route.get(route.size() - 2);
		double length = Math.hypot(end.x() - before.x(), end.y() - before.y());
		double ux = (length > 0) ? (end.x() - before.x()) / length : 1;
		double uy = (length > 0) ? (end.y() - before.y()) / length : 0;
		// the line stops where the arrowhead starts, so a thick or dashed line does not blunt its tip
		double cut = Math.min(ARROW_LENGTH - 1, length);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < route.size(); i++) {
			Point point = (i < route.size() - 1) ? route.get(i)
					: new Point(end.x() - ux * cut, end.y() - uy * cut);
			path.append((i == 0) ? "M" : " L").append(Svg.number(point.x())).append(',').append(Svg.number(point.y()));
		}
		svg.empty("path", "class", "edge", "data-from", edge.edge().from(), "data-to", edge.edge().to(), "d", path,
				"stroke", line.colour(), "stroke-width", line.width(), "stroke-dasharray", line.dash());
		svg.empty("polygon", "points", arrowhead(end, ux, uy, ARROW_LENGTH, 4.5), "fill", line.colour());
	}

	static String arrowhead(Point tip, double ux, double uy, double length, double halfWidth) {
		double baseX = tip.x() - ux * length;
		double baseY = tip.y() - uy * length;
		return Svg.number(tip.x()) + "," + Svg.number(tip.y()) + " " + Svg.number(baseX - uy * halfWidth) + ","
				+ Svg.number(baseY + ux * halfWidth) + " " + Svg.number(baseX + uy * halfWidth) + ","
				+ Svg.number(baseY - ux * halfWidth);
	}

	private static void edgeLabel(Svg svg, PlacedEdge edge) {
		Box box = edge.label();
		if (box == null) {
			return;
		}
		Line line = MapLook.line(edge.edge().style());
		svg.start("g", "class", "edge-label");
		svg.empty("rect", "x", box.x(), "y", box.y(), "width", box.width(), "height", box.height(), "rx", 3.0,
				"fill", "#ffffff", "fill-opacity", 0.9);
		svg.textElement("text", MapLook.shorten(edge.edge().label()), "x", box.x() + box.width() / 2, "y",
				box.y() + box.height() / 2 + MapLook.EDGE_LABEL_SIZE * 0.35, "text-anchor", "middle", "font-size",
				MapLook.EDGE_LABEL_SIZE, "fill", line.labelColour());
		svg.end("g");
	}

}
