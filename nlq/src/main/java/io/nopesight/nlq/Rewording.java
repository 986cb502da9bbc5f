package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Other wordings of a question whose words were not all read: first its mistyped words corrected
 * ({@link Spelling}: "memroy" is memory), then each unread word (or run of them) replaced by its dictionary form
 * ({@link Lemmas}: "ran" is run), the word it was mistyped for, or the vocabulary term it means ({@link Synonyms}:
 * "notebooks" is workstations). The question is read again in each; if none reads, the first refusal stands.
 */
@Component
class Rewording {

	private final Synonyms synonyms;

	private final Lemmas lemmas;

	Rewording(Synonyms synonyms, Lemmas lemmas) {
		this.synonyms = synonyms;
		this.lemmas = lemmas;
	}

	/**
	 * The other wordings to read, surest first: the question with only its typos corrected, then with every
	 * unread word replaced. {@code known} are the CMDB's own words (departments, event sources) a typo may stand
	 * for.
	 */
	List<Reworded> rewordings(String question, List<String> unread, Collection<String> known) {
		List<Reworded> rewordings = new ArrayList<>();
		respelt(question, unread, known).ifPresent(rewordings::add);
		reword(question, unread, known).filter((other) -> !rewordings.contains(other)).ifPresent(rewordings::add);
		return rewordings;
	}

	/** The question with its mistyped words corrected, and only those: the others may be read once they are. */
	Optional<Reworded> respelt(String question, List<String> unread, Collection<String> known) {
		Map<String, String> replaced = new LinkedHashMap<>();
		List<String> facts = new ArrayList<>();
		for (String word : unread) {
			respell(word, known, replaced, facts);
		}
		return replaced.isEmpty() ? Optional.empty() : Optional.of(new Reworded(replaced(question, replaced), facts));
	}

	/**
	 * The question with every unread word replaced, and what was replaced by what; empty when one has no other
	 * wording.
	 */
	Optional<Reworded> reword(String question, List<String> unread, Collection<String> known) {
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> replaced = new LinkedHashMap<>();
		List<String> facts = new ArrayList<>();
		// the question is tagged once, for all its unread words
		List<Lemmas.Token> tokens = this.lemmas.of(question);
		for (String run : phrases(question, unread)) {
			// the run as a whole ("storage space"), else each of its words; a word with no other wording stays,
			// as another reader may read it once its neighbours are ("notifications last week")
			if (!replace(tokens, run, known, replaced, facts)) {
				for (String word : run.split(" ")) {
					replace(tokens, word, known, replaced, facts);
				}
			}
		}
		return replaced.isEmpty() ? Optional.empty() : Optional.of(new Reworded(replaced(question, replaced), facts));
	}

	private static String replaced(String question, Map<String, String> replaced) {
		String reworded = question;
		for (Map.Entry<String, String> replacement : replaced.entrySet()) {
			reworded = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(replacement.getKey()) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(reworded)
				.replaceAll(Matcher.quoteReplacement(replacement.getValue()));
		}
		return reworded;
	}

	private boolean replace(List<Lemmas.Token> tokens, String phrase, Collection<String> known,
			Map<String, String> replaced, List<String> facts) {
		Lemmas.Token token = token(tokens, phrase);
		// a verb in another form first ("ran" is run): a surer step than a word of similar meaning, and it keeps
		// the words around it ("ran on")
		if (token != null && token.tag().startsWith("VERB") && differs(token, phrase)) {
			return put(phrase, token.lemma(), "Read '" + phrase + "' as '" + token.lemma() + "'", replaced, facts);
		}
		if (!phrase.contains(" ") && respell(phrase, known, replaced, facts)) {
			return true;
		}
		Optional<Synonyms.Synonym> synonym = this.synonyms.nearest(phrase);
		if (synonym.isPresent()) {
			return put(phrase, synonym.get().term().word(), String.format(Locale.ROOT,
					"Read '%s' as '%s' (similar meaning, %.2f)", phrase, synonym.get().term().word(),
					synonym.get().similarity()), replaced, facts);
		}
		if (token != null && differs(token, phrase)) {
			return put(phrase, token.lemma(), "Read '" + phrase + "' as '" + token.lemma() + "'", replaced, facts);
		}
		return false;
	}

	private static boolean respell(String word, Collection<String> known, Map<String, String> replaced,
			List<String> facts) {
		Optional<String> spelt = Spelling.corrected(word, known);
		return spelt.isPresent()
				&& put(word, spelt.get(), "Read '" + word + "' as '" + spelt.get() + "' (spelling)", replaced, facts);
	}

	private static boolean put(String phrase, String replacement, String fact, Map<String, String> replaced,
			List<String> facts) {
		replaced.put(phrase, replacement);
		facts.add(fact);
		return true;
	}

	private static boolean differs(Lemmas.Token token, String phrase) {
		return !token.lemma().equalsIgnoreCase(phrase) && token.lemma().matches("\\p{L}+");
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

	// the token a single word of the question is, with its tag and dictionary form
	private static Lemmas.@org.jspecify.annotations.Nullable Token token(List<Lemmas.Token> tokens, String phrase) {
		if (phrase.contains(" ")) {
			return null;
		}
		return tokens.stream()
			.filter((token) -> token.text().equalsIgnoreCase(phrase))
			.findFirst()
			.orElse(null);
	}

	/** A question in other words, and what was read as what. */
	record Reworded(String question, List<String> facts) {
	}

}
