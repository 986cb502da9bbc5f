package io.nopesight.analytics.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A question as words: its tokens as written (for CI names), lower-cased, and their lemmas (plural, -ing and
 * -ed endings taken off), which the agents' vocabularies are matched against, word by word or as phrases.
 */
final class Words {

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_-]+");

	private static final Map<String, String> IRREGULAR = Map.of("ran", "run", "grew", "grow", "grown", "grow",
			"fell", "fall", "went", "go", "data", "data", "was", "be", "is", "be", "are", "be");

	private final List<String> raw;

	private final List<String> lemmas;

	private final String phrase;

	private Words(List<String> raw, List<String> lemmas) {
		this.raw = List.copyOf(raw);
		this.lemmas = List.copyOf(lemmas);
		this.phrase = " " + String.join(" ", lemmas) + " ";
	}

	static Words of(String text) {
		List<String> raw = new ArrayList<>();
		List<String> lemmas = new ArrayList<>();
		for (String token : SEPARATORS.split(text.replace('’', '\'').replace("'s", ""))) {
			String trimmed = trimDashes(token);
			if (!trimmed.isEmpty()) {
				raw.add(trimmed);
				lemmas.add(lemma(trimmed.toLowerCase(Locale.ROOT)));
			}
		}
		return new Words(raw, lemmas);
	}

	List<String> raw() {
		return this.raw;
	}

	List<String> lemmas() {
		return this.lemmas;
	}

	/**
	 * Whether a lemma starts with one of the stems, or the lemmas contain one of the phrases (stems of several
	 * words, e.g. {@code "run out"}).
	 */
	boolean any(List<String> stems) {
		for (String stem : stems) {
			if (stem.indexOf(' ') >= 0) {
				if (this.phrase.contains(" " + stem + " ")) {
					return true;
				}
			}
			else if (this.lemmas.stream().anyMatch((lemma) -> lemma.startsWith(stem))) {
				return true;
			}
		}
		return false;
	}

	static String lemma(String word) {
		String irregular = IRREGULAR.get(word);
		if (irregular != null) {
			return irregular;
		}
		String w = word;
		if (w.length() > 4 && w.endsWith("ies")) {
			w = w.substring(0, w.length() - 3) + "y";
		}
		else if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
			w = w.substring(0, w.length() - 1);
		}
		if (w.length() > 5 && w.endsWith("ing")) {
			w = undouble(w.substring(0, w.length() - 3));
		}
		else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
			w = undouble(w.substring(0, w.length() - 2));
		}
		return w;
	}

	// running -> runn -> run; but not full -> ful
	private static String undouble(String stem) {
		int n = stem.length();
		if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
			return stem.substring(0, n - 1);
		}
		return stem;
	}

	private static String trimDashes(String token) {
		int start = 0;
		int end = token.length();
		while (start < end && token.charAt(start) == '-') {
			start++;
		}
		while (end > start && token.charAt(end - 1) == '-') {
			end--;
		}
		return token.substring(start, end);
	}

}
