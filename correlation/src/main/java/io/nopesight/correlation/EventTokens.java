package io.nopesight.correlation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an event's title that say what happened, without the names of its CIs (which say where):
 * "Disk full on PROD-DB-04" and "Disk full on PROD-APP-12" are alike, "Disk full on PROD-DB-04" and "Host
 * unreachable: PROD-DB-04" are not.
 */
final class EventTokens {

	private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

	private static final Pattern NUMBER = Pattern.compile("\\b\\d+([.,]\\d+)?%?");

	private EventTokens() {
	}

	static Set<String> of(String title, List<String> ciNames) {
		String text = title.toLowerCase(Locale.ROOT);
		for (String name : ciNames) {
			text = text.replace(name.toLowerCase(Locale.ROOT), " ");
		}
		Set<String> words = new HashSet<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	/**
	 * Jaccard similarity of two token sets, 0 when both are empty.
	 */
	static double similarity(Set<String> a, Set<String> b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (String word : a) {
			if (b.contains(word)) {
				common++;
			}
		}
		return (double) common / (a.size() + b.size() - common);
	}

	/**
	 * A title with its numbers left out and its spacing evened, lower-case: the part of a fingerprint that
	 * says what happened.
	 */
	static String normalisedTitle(String title) {
		return NUMBER.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ").strip();
	}

}
