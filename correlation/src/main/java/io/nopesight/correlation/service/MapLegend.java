package io.nopesight.correlation.service;

import java.util.List;

import io.nopesight.correlation.service.DependencyMap.Health;
import io.nopesight.correlation.service.DependencyMap.Kind;
import io.nopesight.correlation.service.DependencyMap.Style;
import io.nopesight.correlation.service.LaidOutMap.Box;
import io.nopesight.correlation.service.LaidOutMap.Flow;
import io.nopesight.correlation.service.LaidOutMap.Point;
import io.nopesight.correlation.service.MapLook.Fill;
import io.nopesight.correlation.service.MapLook.Line;
import io.nopesight.correlation.service.MapLook.Outline;

/**
 * The legend: a row of health colours, one of box kinds, one of arrow styles, and a line on how to read
 * the direction. Its size does not depend on the map, so {@link MapDrawing} reserves a band for it.
 */
final class MapLegend {

	private static final double TEXT_SIZE = 12;

	private static final double PADDING = 12;

	private static final double ROW = 26;

	private static final double HEADING = 70;

	private static final double SAMPLE = 36;

	private static final double ITEM_GAP = 22;

	private static final List<Health> HEALTHS = List.of(Health.values());

	private static final List<Kind> KINDS = List.of(Kind.values());

	private static final List<Style> STYLES = List.of(Style.values());

	private static final String NOTE_TOP_DOWN = "Arrows point from what depends to what it depends on: services using"
			+ " this one above it; its components, the services it needs and their infrastructure below.";

	private static final String NOTE_LEFT_TO_RIGHT = "Arrows point from what depends to what it depends on: services"
			+ " using this one on its left; its components, the services it needs and their infrastructure to the"
			+ " right.";

	private MapLegend() {
	}

	static double width() {
		double rows = Math.max(rowWidth(HEALTHS.stream().map(MapLegend::name).toList()),
				Math.max(rowWidth(KINDS.stream().map(MapLegend::name).toList()),
						rowWidth(STYLES.stream().map(MapLegend::name).toList())));
		double notes = Math.max(noteWidth(NOTE_TOP_DOWN), noteWidth(NOTE_LEFT_TO_RIGHT));
		return Math.ceil(2 * PADDING + Math.max(rows, notes));
	}

	static double height() {
		return 2 * PADDING + 3 * ROW + MapLook.DETAIL_SIZE + 6;
	}

	static void write(Svg svg, Box at, Flow flow) {
		svg.start("g", "class", "legend");
		svg.empty("rect", "x", at.x(), "y", at.y(), "width", at.width(), "height", at.height(), "rx", 6.0, "fill",
				"#fafafa", "stroke", "#dadce0");
		double top = at.y() + PADDING;
		healths(svg, at, top);
		kinds(svg, at, top + ROW);
		styles(svg, at, top + 2 * ROW);
		String note = (flow == Flow.TOP_DOWN) ? NOTE_TOP_DOWN : NOTE_LEFT_TO_RIGHT;
		svg.textElement("text", note, "x", at.x() + PADDING, "y", top + 3 * ROW + MapLook.DETAIL_SIZE, "font-size",
				MapLook.DETAIL_SIZE, "fill", MapLook.MUTED);
		svg.end("g");
	}

	private static void healths(Svg svg, Box at, double top) {
		double x = heading(svg, "Health", at, top);
		for (Health health : HEALTHS) {
			Fill fill = MapLook.fill(health);
			svg.empty("rect", "x", x, "y", top + 4, "width", SAMPLE, "height", 16.0, "rx", 3.0, "fill", fill.tint(),
					"stroke", fill.stroke(), "stroke-width", 1.8);
			x = item(svg, name(health), x, top);
		}
	}

	private static void kinds(Svg svg, Box at, double top) {
		double x = heading(svg, "Boxes", at, top);
		for (Kind kind : KINDS) {
			Outline outline = MapLook.outline(kind);
			svg.empty("rect", "x", x, "y", top + 3, "width", SAMPLE, "height", 18.0, "rx",
					(outline.radius() > 0) ? Math.min(outline.radius(), 8) : null, "fill", "#ffffff", "stroke",
					MapLook.MUTED, "stroke-width", Math.min(outline.strokeWidth(), 3.0), "stroke-dasharray",
					outline.dash());
			x = item(svg, name(kind), x, top);
		}
	}

	private static void styles(Svg svg, Box at, double top) {
		double x = heading(svg, "Arrows", at, top);
		double y = top + 12;
		for (Style style : STYLES) {
			Line line = MapLook.line(style);
			svg.empty("path", "d", "M" + Svg.number(x) + "," + Svg.number(y) + " L" + Svg.number(x + SAMPLE - 7) + ","
					+ Svg.number(y), "fill", "none", "stroke", line.colour(), "stroke-width", line.width(),
					"stroke-dasharray", line.dash());
			svg.empty("polygon", "points", MapSvg.arrowhead(new Point(x + SAMPLE, y), 1, 0, 8, 4), "fill",
					line.colour());
			x = item(svg, name(style), x, top);
		}
	}

	private static double heading(Svg svg, String text, Box at, double top) {
		svg.textElement("text", text, "x", at.x() + PADDING, "y", top + 16, "font-size", TEXT_SIZE, "font-weight",
				"bold", "fill", MapLook.TEXT);
		return at.x() + PADDING + HEADING;
	}

	/** Writes an item's name after its sample and returns where the next sample goes. */
	private static double item(Svg svg, String name, double x, double top) {
		double textX = x + SAMPLE + 6;
		svg.textElement("text", name, "x", textX, "y", top + 16, "font-size", TEXT_SIZE, "fill", MapLook.TEXT);
		return textX + TextWidths.of(name, TEXT_SIZE, false) + ITEM_GAP;
	}

	private static double noteWidth(String note) {
		return TextWidths.of(note, MapLook.DETAIL_SIZE, false);
	}

	private static double rowWidth(List<String> names) {
		double width = HEADING;
		for (String name : names) {
			width += SAMPLE + 6 + TextWidths.of(name, TEXT_SIZE, false) + ITEM_GAP;
		}
		return width - ITEM_GAP;
	}

	static String name(Health health) {
		return switch (health) {
			case HEALTHY -> "Healthy";
			case DEGRADED -> "Degraded";
			case DOWN -> "Down";
			case UNKNOWN -> "Unknown";
		};
	}

	static String name(Kind kind) {
		return switch (kind) {
			case SERVICE -> "This service";
			case UPSTREAM_SERVICE -> "Service it uses";
			case DOWNSTREAM_SERVICE -> "Service using it";
			case COMPONENT -> "Component";
			case INFRASTRUCTURE -> "Infrastructure";
		};
	}

	static String name(Style style) {
		return switch (style) {
			case COMPONENT -> "Has component";
			case RUNS_ON -> "Runs on";
			case DEPENDS_ON -> "Depends on";
			case REQUIRED -> "Requires (service)";
			case OPTIONAL -> "Uses, optional (service)";
		};
	}

}
