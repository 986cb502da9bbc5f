package io.nopesight.correlation.service;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How wide a text is in the SVG's {@code sans-serif}, measured with the JVM's logical {@code SansSerif} font:
 * the font Batik draws the PNG with. Browsers pick their own sans-serif (Arial, Helvetica, Liberation Sans),
 * which on common systems is narrower than the DejaVu Sans the JVM usually maps to, and {@link #SAFETY}
 * covers the rest.
 */
final class TextWidths {

	/** Head room for a browser font a little wider than the JVM's and for rounding in Batik's layout. */
	static final double SAFETY = 1.06;

	private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

	private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

	private TextWidths() {
	}

	static double of(String text, double size, boolean bold) {
		if (text.isEmpty()) {
			return 0;
		}
		Font font = FONTS.computeIfAbsent(size + (bold ? "b" : ""),
				(key) -> new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
		return font.getStringBounds(text, CONTEXT).getWidth() * SAFETY;
	}

}
