package io.nopesight.correlation.service;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.service.DependencyMap.Health;
import io.nopesight.correlation.service.DependencyMap.Kind;
import io.nopesight.correlation.service.DependencyMap.Style;

/**
 * How a map looks: colours by health, outlines by kind, lines by dependency style, and the text sizes that
 * the boxes are measured for. Sizes are in SVG pixels and absolute, so text stays as legible in a map of 200
 * boxes as in one of ten; a bigger map makes a bigger picture.
 */
final class MapLook {

	static final String FONT_FAMILY = "sans-serif";

	static final String TEXT = "#202124";

	static final String MUTED = "#5f6368";

	/** Service-to-service arrows stand out from the grey ones between configuration items. */
	private static final String SERVICE_LINE = "#1967d2";

	static final double TITLE_SIZE = 20;

	static final double DETAIL_SIZE = 11;

	static final double EDGE_LABEL_SIZE = 10;

	/** Room left and right of a box's text. */
	static final double PADDING_X = 14;

	/** Labels longer than this are cut with an ellipsis (the full text stays in the box's tooltip). */
	static final int MAX_LABEL = 48;

	private MapLook() {
	}

	static Fill fill(Health health) {
		return switch (health) {
			case HEALTHY -> new Fill("#e6f4ea", "#188038");
			case DEGRADED -> new Fill("#fef3dc", "#e37400");
			case DOWN -> new Fill("#fce8e6", "#c5221f");
			case UNKNOWN -> new Fill("#f1f3f4", "#80868b");
		};
	}

	static Outline outline(Kind kind) {
		return switch (kind) {
			case SERVICE -> new Outline(16, 3.5, null, 15, true, 58);
			case UPSTREAM_SERVICE, DOWNSTREAM_SERVICE -> new Outline(16, 1.8, null, 13, true, 46);
			case COMPONENT -> new Outline(3, 1.8, null, 13, true, 46);
			case INFRASTRUCTURE -> new Outline(0, 1.4, "5 3", 13, false, 46);
		};
	}

	static Line line(Style style) {
		return switch (style) {
			case COMPONENT -> new Line("#5f6368", 1.6, null, MUTED);
			case RUNS_ON -> new Line("#9aa0a6", 1.3, null, MUTED);
			case DEPENDS_ON -> new Line("#80868b", 1.4, "4 3", MUTED);
			case REQUIRED -> new Line(SERVICE_LINE, 2.2, null, SERVICE_LINE);
			case OPTIONAL -> new Line(SERVICE_LINE, 1.7, "7 4", SERVICE_LINE);
		};
	}

	static String shorten(String text) {
		return (text.length() <= MAX_LABEL) ? text : text.substring(0, MAX_LABEL - 1).strip() + "…";
	}

	/** A box's tint and its border colour. */
	record Fill(String tint, String stroke) {
	}

	/**
	 * A box's corner radius, border width and dash, and its label's size, weight and the box's height.
	 */
	record Outline(double radius, double strokeWidth, @Nullable String dash, double labelSize, boolean bold,
			double height) {
	}

	/** An arrow's colour, width and dash, and the colour of its label. */
	record Line(String colour, double width, @Nullable String dash, String labelColour) {
	}

}
