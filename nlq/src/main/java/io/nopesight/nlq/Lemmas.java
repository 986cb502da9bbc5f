package io.nopesight.nlq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits a question into tokens with their offsets, Universal Dependencies part-of-speech tag and lower-case
 * lemma ("hosting" is "host", "machines" "machine"), with OpenNLP's English UD models from Maven Central. The
 * models are loaded on first use.
 */
@Component
class Lemmas {

	static final String TOKENIZER_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

	static final String TAGGER_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

	static final String LEMMATIZER_MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

	// CI names, host names, versions and addresses (PROD-WEB-01, db-03.example.com, 22.04, 10.0.0.1): the
	// tokenizer cuts "PROD-WEB-01" into "PROD" and "-WEB-01", and a name must stay one word
	private static final Pattern JOINED = Pattern.compile("[\\p{L}\\p{N}]+(?:[-_.][\\p{L}\\p{N}]+)+");

	private final SingletonSupplier<Models> models = SingletonSupplier.of(Models::load);

	// the ME classes keep state between calls: one set per thread, over the shared, thread-safe models
	private final ThreadLocal<Pipeline> pipelines = ThreadLocal.withInitial(() -> new Pipeline(this.models.obtain()));

	/**
	 * The tokens of a text, in order.
	 */
	List<Token> of(String text) {
		return this.pipelines.get().tokens(text);
	}

	/**
	 * A token with its offsets in the text ({@code end} exclusive), its UD tag (NOUN, VERB, PROPN...; a
	 * contraction or possessive kept in one token has two, "AUX+PART" for "isn't") and its lemma in lower case.
	 */
	record Token(String text, int start, int end, String tag, String lemma) {
	}

	private record Models(TokenizerModel tokenizer, POSModel tagger, LemmatizerModel lemmatizer) {

		static Models load() {
			try {
				return new Models(new TokenizerModel(resource(TOKENIZER_MODEL)), new POSModel(resource(TAGGER_MODEL)),
						new LemmatizerModel(resource(LEMMATIZER_MODEL)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("OpenNLP model could not be read", ex);
			}
		}

		private static InputStream resource(String name) {
			InputStream in = Lemmas.class.getResourceAsStream(name);
			if (in == null) {
				throw new IllegalStateException("OpenNLP model " + name + " is not on the classpath");
			}
			return in;
		}

	}

	private static final class Pipeline {

		private final TokenizerME tokenizer;

		private final POSTaggerME tagger;

		private final LemmatizerME lemmatizer;

		Pipeline(Models models) {
			this.tokenizer = new TokenizerME(models.tokenizer());
			this.tagger = new POSTaggerME(models.tagger(), POSTagFormat.UD);
			this.lemmatizer = new LemmatizerME(models.lemmatizer());
		}

		List<Token> tokens(String text) {
			List<Span> spans = spans(text);
			if (spans.isEmpty()) {
				return List.of();
			}
			String[] words = spans.stream().map((span) -> text.substring(span.getStart(), span.getEnd()))
				.toArray(String[]::new);
			String[] tags = this.tagger.tag(words);
			String[] lemmas = this.lemmatizer.lemmatize(words, tags);
			List<Token> tokens = new ArrayList<>(words.length);
			for (int i = 0; i < words.length; i++) {
				tokens.add(new Token(words[i], spans.get(i).getStart(), spans.get(i).getEnd(), tags[i],
						lemma(words[i], lemmas[i])));
			}
			return tokens;
		}

		// the tokenizer's spans, with each joined name one span: the pieces the tokenizer cut it into are merged,
		// and what a piece holds beyond the name ("'s" of "PROD-WEB-01's") is a token of its own
		private List<Span> spans(String text) {
			List<Span> names = JOINED.matcher(text).results().map((m) -> new Span(m.start(), m.end())).toList();
			List<Span> spans = new ArrayList<>();
			for (Span span : this.tokenizer.tokenizePos(text)) {
				Span name = names.stream().filter(span::intersects).findFirst().orElse(null);
				if (name == null) {
					spans.add(span);
					continue;
				}
				if (span.getStart() < name.getStart()) {
					spans.add(new Span(span.getStart(), name.getStart()));
				}
				if (spans.isEmpty() || !spans.get(spans.size() - 1).equals(name)) {
					spans.add(name);
				}
				if (span.getEnd() > name.getEnd()) {
					spans.add(new Span(name.getEnd(), span.getEnd()));
				}
			}
			return spans;
		}

		// the lemmatizer gives "_" when its edit script leaves nothing of the word
		private static String lemma(String word, String lemma) {
			return (lemma.isEmpty() || lemma.equals("_")) ? word.toLowerCase(Locale.ROOT) : lemma.toLowerCase(Locale.ROOT);
		}

	}

}
