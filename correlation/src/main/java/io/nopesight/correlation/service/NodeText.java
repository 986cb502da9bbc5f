package io.nopesight.correlation.service;

import java.util.ArrayList;
import java.util.List;

import io.nopesight.correlation.service.DependencyMap.Node;
import io.nopesight.correlation.service.LaidOutMap.Box;
import io.nopesight.correlation.service.MapLook.Outline;

/**
 * The two lines of text in a node's box (label, then detail) and the box size that fits them: measured
 * before the layout so that ELK places boxes that already hold their text.
 */
final class NodeText {

	private static final double MIN_WIDTH = 120;

	private static final double LINE_GAP = 5;

	private NodeText() {
	}

	static double width(Node node) {
		Outline outline = MapLook.outline(node.kind());
		double label = TextWidths.of(MapLook.shorten(node.label()), outline.labelSize(), outline.bold());
		double detail = TextWidths.of(MapLook.shorten(node.detail()), MapLook.DETAIL_SIZE, false);
		return Math.max(MIN_WIDTH, Math.ceil(Math.max(label, detail) + 2 * MapLook.PADDING_X));
	}

	static double height(Node node) {
		return MapLook.outline(node.kind()).height();
	}

	/**
	 * The lines to write in {@code box}, each centred on the box and placed by its baseline; without a detail
	 * the label sits in the middle.
	 */
	static List<Line> lines(Node node, Box box) {
		Outline outline = MapLook.outline(node.kind());
		double centre = box.x() + box.width() / 2;
		String label = MapLook.shorten(node.label());
		String detail = MapLook.shorten(node.detail());
		List<Line> lines = new ArrayList<>(2);
		if (detail.isEmpty()) {
			double baseline = box.y() + box.height() / 2 + outline.labelSize() * 0.36;
			lines.add(new Line(label, centre, baseline, outline.labelSize(), outline.bold(), false));
			return lines;
		}
		double block = outline.labelSize() + LINE_GAP + MapLook.DETAIL_SIZE;
		double top = box.y() + (box.height() - block) / 2;
		lines.add(new Line(label, centre, top + outline.labelSize() * 0.8, outline.labelSize(), outline.bold(), false));
		lines.add(new Line(detail, centre, top + block - MapLook.DETAIL_SIZE * 0.2, MapLook.DETAIL_SIZE, false, true));
		return lines;
	}

	/**
	 * A line of text, centred on {@code centre}, with its baseline at {@code baseline}.
	 */
	record Line(String text, double centre, double baseline, double size, boolean bold, boolean detail) {

	}

}
