package io.nopesight.nlq;

import java.util.List;

/**
 * Words of a question that name CIs: where they are ({@code [start, end)} in the question, which lower-casing
 * leaves in place), how they were written, and the names, as the CMDB spells them, that they name. An exact
 * or misspelt mention names one CI name; an ambiguous one could name {@code count} names, of which
 * {@code names} holds the first few in order, and the question has to say which.
 */
record NameMention(int start, int end, String written, List<String> names, Kind kind, int count) {

	NameMention {
		names = List.copyOf(names);
	}

	static NameMention exact(int start, int end, String written, String name) {
		return new NameMention(start, end, written, List.of(name), Kind.EXACT, 1);
	}

	boolean ambiguous() {
		return this.kind == Kind.AMBIGUOUS;
	}

	/** How the written words name the CI. */
	enum Kind {

		/** The name itself, in any case and with any separators: "prod web 01", "PROD_WEB_01". */
		EXACT,

		/** The name misspelt or without its zero padding: "PROD-WBE-01", "PROD-WEB-1", "odrers-db". */
		MISSPELT,

		/** The start of several names ("PROD-WEB"), or misspelt as close to several as to any. */
		AMBIGUOUS

	}

}
