package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Another wording of a question whose words were not all read: each unread word (or run of them) replaced by
 * the vocabulary term it means ({@link Synonyms}: "notebooks" is workstations) or by its dictionary form
 * ({@link Lemmas}: "ran" is run). The question is read again once with every replacement; if that fails too,
 * the first refusal stands.
 */
@Component
class Rewording {

	private final Synonyms synonyms;

	private final Lemmas lemmas;

	Rewording(Synonyms synonyms, Lemmas lemmas) {
		this.synonyms = synonyms;
		this.lemmas = lemmas;
	}

	/** The question with every unread word replaced, and what was replaced by what; empty when one has no other wording. */
	Optional<Reworded> reword(String question, List<String> unread) {
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> replaced = new LinkedHashMap<>();
		List<String> facts = new ArrayList<>();
		for (String phrase : phrases(question, unread)) {
			// the dictionary form first: "ran" is run, a surer step than a word of similar meaning
			String lemma = lemma(question, phrase);
			if (lemma != null) {
				replaced.put(phrase, lemma);
				facts.add("Read '" + phrase + "' as '" + lemma + "'");
				continue;
			}
			Optional<Synonyms.Synonym> synonym = this.synonyms.nearest(phrase);
			if (synonym.isEmpty()) {
				return Optional.empty();
			}
			replaced.put(phrase, synonym.get().term().word());
			facts.add(String.format(Locale.ROOT, "Read '%s' as '%s' (similar meaning, %.2f)", phrase,
					synonym.get().term().word(), synonym.get().similarity()));
		}
		String reworded = question;
		for (Map.Entry<String, String> replacement : replaced.entrySet()) {
			reworded = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(replacement.getKey()) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(reworded)
				.replaceAll(Matcher.quoteReplacement(replacement.getValue()));
		}
		return Optional.of(new Reworded(reworded, facts));
	}

	/** The unread words as the runs they form in the question: "storage space" is one phrase, not two words. */
	private static List<String> phrases(String question, List<String> unread) {
		String text = question.toLowerCase(Locale.ROOT);
		List<String> phrases = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		for (String word : unread) {
			String candidate = (run.length() == 0) ? word : run + " " + word;
			if (run.length() > 0 && text.contains(candidate)) {
				run.append(' ').append(word);
			}
			else {
				if (run.length() > 0) {
					phrases.add(run.toString());
				}
				run = new StringBuilder(word);
			}
		}
		phrases.add(run.toString());
		return phrases;
	}

	// a single word whose dictionary form differs: "hosting" is host, "ran" is run
	private String lemma(String question, String phrase) {
		if (phrase.contains(" ")) {
			return null;
		}
		return this.lemmas.of(question)
			.stream()
			.filter((token) -> token.text().equalsIgnoreCase(phrase))
			.map(Lemmas.Token::lemma)
			.filter((lemma) -> !lemma.equalsIgnoreCase(phrase) && lemma.matches("\\p{L}+"))
			.findFirst()
			.orElse(null);
	}

	/** A question in other words, and what was read as what. */
	record Reworded(String question, List<String> facts) {
	}

}
