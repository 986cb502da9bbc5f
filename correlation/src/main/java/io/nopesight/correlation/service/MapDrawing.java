package io.nopesight.correlation.service;

import io.nopesight.correlation.service.LaidOutMap.Box;

/**
 * The whole picture: the title on top, the legend in a band below it, and the laid-out graph below the
 * legend, so that the legend can never cover a box or an arrow. All coordinates are the canvas's.
 */
record MapDrawing(String title, double width, double height, Box legend, LaidOutMap graph) {

	static final double MARGIN = 24;

	private static final double GAP = 18;

	static MapDrawing of(DependencyMap map) {
		LaidOutMap graph = MapLayout.of(map);
		double titleWidth = TextWidths.of(map.title(), MapLook.TITLE_SIZE, true);
		double contentWidth = Math.max(graph.width(), Math.max(MapLegend.width(), titleWidth));
		Box legend = new Box(MARGIN, MARGIN + MapLook.TITLE_SIZE + GAP / 2, MapLegend.width(), MapLegend.height());
		double graphLeft = MARGIN + (contentWidth - graph.width()) / 2;
		double graphTop = legend.bottom() + GAP;
		return new MapDrawing(map.title(), Math.ceil(contentWidth + 2 * MARGIN),
				Math.ceil(graphTop + graph.height() + MARGIN), legend, graph.moved(graphLeft, graphTop));
	}

}
