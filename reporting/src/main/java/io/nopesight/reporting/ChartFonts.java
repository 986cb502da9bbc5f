package io.nopesight.reporting;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts charts are drawn in: the same faces the reports' text uses (DejaVu Sans, and Droid Sans Fallback for
 * labels DejaVu has no glyphs for), read from the font jars rather than asked of the system, which may have none.
 */
final class ChartFonts {

	private static final Font REGULAR = load("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");

	private static final Font BOLD = load("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");

	private static final Font FALLBACK = load("fonts/droid/DroidSansFallbackFull.ttf");

	private ChartFonts() {
	}

	static Font regular(float size) {
		return REGULAR.deriveFont(size);
	}

	static Font bold(float size) {
		return BOLD.deriveFont(size);
	}

	/** The regular face for labels, or the fallback when one of them has characters DejaVu lacks. */
	static Font forLabels(float size, Iterable<String> labels) {
		for (String label : labels) {
			if (REGULAR.canDisplayUpTo(label) != -1 && FALLBACK.canDisplayUpTo(label) == -1) {
				return FALLBACK.deriveFont(size);
			}
		}
		return regular(size);
	}

	private static Font load(String resource) {
		try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The font " + resource + " is missing");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("The font " + resource + " cannot be read", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
