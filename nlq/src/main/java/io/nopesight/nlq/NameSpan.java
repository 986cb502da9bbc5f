package io.nopesight.nlq;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.nlq.NameMention.Kind;

/**
 * Consecutive words of a question, apart by spaces only, and how they are written: with a separator inside
 * a word (PROD-WEB, orders-db), with digits, every word capitalised (Payments API).
 */
record NameSpan(int start, int end, String written, int words, List<String> tokens, List<String> runs,
		boolean separated, boolean digits, boolean capitalised) {

	static @Nullable NameSpan of(String question, List<int[]> words) {
		int start = words.get(0)[0];
		int end = words.get(words.size() - 1)[1];
		boolean capitalised = true;
		for (int i = 0; i < words.size(); i++) {
			if (i > 0 && !question.substring(words.get(i - 1)[1], words.get(i)[0]).isBlank()) {
				return null;
			}
			char first = question.charAt(words.get(i)[0]);
			capitalised &= Character.isUpperCase(first) || Character.isDigit(first);
		}
		String written = question.substring(start, end);
		List<String> tokens = NameKeys.tokens(written);
		if (tokens.stream().allMatch(NameKeys::number)) {
			// a number, a version or an IP address alone is not read as a name
			return null;
		}
		return new NameSpan(start, end, written, words.size(), tokens, NameKeys.runs(written),
				written.matches("(?s).*[\\p{L}\\p{N}][._-][\\p{L}\\p{N}].*"), written.matches("(?s).*\\d.*"),
				capitalised);
	}

	String key() {
		return String.join(" ", this.tokens);
	}

	/** Written as a name is: with a separator or a digit, or every word capitalised. */
	boolean nameLike() {
		return this.separated || this.digits || (this.words >= 2 && this.capitalised);
	}

	boolean vocabularyOnly() {
		return this.tokens.stream().allMatch((t) -> NameKeys.number(t) || NameKeys.vocabulary(t));
	}

	boolean noVocabulary() {
		return this.tokens.stream().noneMatch(NameKeys::vocabulary);
	}

	NameMention mention(List<String> names, Kind kind, int count) {
		List<String> offered = names.subList(0, Math.min(names.size(), CiNameIndex.MAX_NAMES));
		return new NameMention(this.start, this.end, this.written, offered, kind,
				(count >= 0) ? count : names.size());
	}

}
