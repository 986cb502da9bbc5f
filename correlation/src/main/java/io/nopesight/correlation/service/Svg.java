package io.nopesight.correlation.service;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Writes SVG markup: elements with attributes given as name-value pairs (a {@code null} value leaves the
 * attribute out), text escaped for XML, numbers to a tenth of a pixel.
 */
final class Svg {

	private final StringBuilder out = new StringBuilder(16 * 1024);

	Svg start(String element, @Nullable Object... attributes) {
		this.out.append('<').append(element);
		attributes(attributes);
		this.out.append('>');
		return this;
	}

	Svg empty(String element, @Nullable Object... attributes) {
		this.out.append('<').append(element);
		attributes(attributes);
		this.out.append("/>\n");
		return this;
	}

	Svg text(String text) {
		this.out.append(escape(text));
		return this;
	}

	Svg end(String element) {
		this.out.append("</").append(element).append(">\n");
		return this;
	}

	/** An element holding only text: {@code <text ...>escaped</text>}. */
	Svg textElement(String element, String text, @Nullable Object... attributes) {
		return start(element, attributes).text(text).end(element);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	private void attributes(@Nullable Object[] attributes) {
		for (int i = 0; i + 1 < attributes.length; i += 2) {
			Object value = attributes[i + 1];
			if (value != null) {
				String text = (value instanceof Double number) ? number(number) : value.toString();
				this.out.append(' ').append(attributes[i]).append("=\"").append(escape(text)).append('"');
			}
		}
	}

	static String number(double value) {
		long tenths = Math.round(value * 10);
		return (tenths % 10 == 0) ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
	}

	/**
	 * Escapes text for XML content and attributes, and drops the control characters XML 1.0 cannot hold at
	 * all (CMDB names come from discovery and imports, and one stray byte would make the whole map unreadable).
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						if (c != '\uFFFE' && c != '\uFFFF') {
							escaped.append(c);
						}
					}
				}
			}
		}
		return escaped.toString();
	}

}
