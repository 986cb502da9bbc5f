package io.nopesight.nlq;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

/**
 * Maps a word or short phrase the reader does not know ("notebooks", "notifications", "storage space") to the
 * closest term of its vocabulary, by the cosine similarity of their all-MiniLM-L6-v2 embeddings. The model ships
 * inside the LangChain4j jar and runs in process, offline; it is loaded on first use. A term is given only when
 * it is clearly the closest: a wrong term would answer another question, no term gets a 422 with suggestions.
 */
@Component
class Synonyms {

	// calibrated in SynonymsTests: wrong terms stayed below 0.65 ("idle" is 0.648 from inactive), and antonyms
	// ("lower than", "greater than") are told apart only by the margin over the runner-up
	static final double THRESHOLD = 0.70;

	static final double MARGIN = 0.10;

	private static final int MAX_WORDS = 3;

	/**
	 * The reader's vocabulary: each term with what it stands for in a plan and the words the reader already
	 * reads for it. Comparisons leave out "at least", "at most", "over" and "under": "least", "most" and
	 * "around" come close to them while meaning something else.
	 */
	static final List<Term> VOCABULARY = List.of(
			new Term("servers", Kind.ENTITY, "server", "server", "machines", "hosts", "boxes"),
			new Term("workstations", Kind.ENTITY, "workstation", "desktops", "laptops"),
			new Term("applications", Kind.ENTITY, "application", "apps", "services"),
			new Term("databases", Kind.ENTITY, "database", "dbs"),
			new Term("software", Kind.ENTITY, "software", "packages"),
			new Term("network devices", Kind.ENTITY, "network_device", "switches", "firewalls", "routers",
					"load balancers"),
			new Term("events", Kind.ENTITY, "event", "alerts", "alarms", "incidents"),
			new Term("cpu", Kind.METRIC, "cpu_usage", "processor", "load"),
			new Term("memory", Kind.METRIC, "memory_usage", "ram"),
			new Term("disk", Kind.METRIC, "disk_usage", "storage", "space"),
			new Term("active", Kind.STATUS, "active"),
			new Term("inactive", Kind.STATUS, "inactive", "retired", "decommissioned"),
			new Term("maintenance", Kind.STATUS, "maintenance"),
			new Term("production", Kind.ENVIRONMENT, "production", "prod"),
			new Term("staging", Kind.ENVIRONMENT, "staging", "stg", "stage"),
			new Term("development", Kind.ENVIRONMENT, "development", "dev"),
			new Term("test", Kind.ENVIRONMENT, "test", "testing"),
			new Term("more than", Kind.COMPARISON, ">", "greater than", "above"),
			new Term("less than", Kind.COMPARISON, "<", "below"),
			new Term("runs on", Kind.RELATIONSHIP, "runs_on", "hosted on"),
			new Term("depends on", Kind.RELATIONSHIP, "depends_on"),
			new Term("hosts", Kind.RELATIONSHIP, "runs_on", "hosting"),
			new Term("installed", Kind.RELATIONSHIP, "installed_on", "installed on"));

	private static final Set<String> VOCABULARY_WORDS = VOCABULARY.stream()
		.flatMap((term) -> term.anchors().stream())
		.filter((anchor) -> !anchor.contains(" "))
		.collect(Collectors.toUnmodifiableSet());

	// "network" of "network devices", "more" of "more than": wider than the phrase, or the reader's own word
	private static final Set<String> PHRASE_WORDS = VOCABULARY.stream()
		.flatMap((term) -> term.words().stream())
		.filter((word) -> !VOCABULARY_WORDS.contains(word))
		.collect(Collectors.toUnmodifiableSet());

	// the model hardly sees a negation: "no more than" is as close to "more than" as "greater than" is
	private static final Set<String> NEGATIONS = Set.of("not", "no", "non", "never", "without", "except",
			"excluding", "nor");

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final SingletonSupplier<Index> index = SingletonSupplier.of(Index::load);

	/**
	 * The closest term to a word or phrase of at most three words, if its similarity is at least
	 * {@link #THRESHOLD} and ahead of the next term's by {@link #MARGIN}.
	 */
	Optional<Synonym> nearest(String unknownWord) {
		List<String> words = Arrays.stream(NOT_A_LETTER.split(unknownWord.toLowerCase(Locale.ROOT)))
			.filter((word) -> !word.isEmpty())
			.toList();
		if (words.isEmpty() || words.size() > MAX_WORDS || refused(words)) {
			return Optional.empty();
		}
		return this.index.obtain().nearest(String.join(" ", words));
	}

	private static boolean refused(List<String> words) {
		return words.stream().anyMatch((word) -> NEGATIONS.contains(word) || hidesVocabularyWord(word))
				|| addsToVocabularyWord(words) || (words.size() == 1 && isPhraseWord(words.get(0)));
	}

	private static boolean isPhraseWord(String word) {
		return PHRASE_WORDS.contains(word) || PHRASE_WORDS.contains(word.replaceFirst("s$", ""));
	}

	// "preprod", "uninstalled", "serverless", "latest", "program": a vocabulary word with letters glued on, which
	// change its meaning, while the model sees mostly the piece they share
	private static boolean hidesVocabularyWord(String word) {
		return vocabularyForm(word).isEmpty() && VOCABULARY_WORDS.stream().anyMatch(word::contains);
	}

	// "web servers", "critical alerts", "in service", "pre-production": the phrase would be mapped to its
	// vocabulary word and lose what the other words say; "storage space" and "cpu load" are words of one term
	private static boolean addsToVocabularyWord(List<String> words) {
		List<String> forms = words.stream().map((word) -> vocabularyForm(word).orElse(word)).toList();
		return words.size() > 1 && forms.stream().anyMatch(VOCABULARY_WORDS::contains)
				&& VOCABULARY.stream().noneMatch((term) -> term.words().containsAll(forms));
	}

	// the vocabulary word a word is, in the singular or the plural ("service" of "services", "cpus" of "cpu")
	private static Optional<String> vocabularyForm(String word) {
		return Stream.of(word, word + "s", word + "es", word.replaceFirst("e?s$", ""), word.replaceFirst("s$", ""))
			.filter(VOCABULARY_WORDS::contains)
			.findFirst();
	}

	/**
	 * What a vocabulary term stands for: an entity type, a metric, a status, an environment, a comparison operator or
	 * a relationship type.
	 */
	record Term(String word, Kind kind, String means, List<String> readAs) {

		Term(String word, Kind kind, String means, String... readAs) {
			this(word, kind, means, List.of(readAs));
		}

		List<String> anchors() {
			return Stream.concat(Stream.of(this.word), this.readAs.stream()).distinct().toList();
		}

		Set<String> words() {
			return anchors().stream().flatMap((anchor) -> Arrays.stream(anchor.split(" "))).collect(Collectors.toSet());
		}

	}

	enum Kind {

		ENTITY, METRIC, STATUS, ENVIRONMENT, COMPARISON, RELATIONSHIP

	}

	/**
	 * A word the reader does not know and the term it is taken for, with their cosine similarity.
	 */
	record Synonym(String word, Term term, double similarity) {
	}

	/**
	 * The model with the vocabulary's embeddings, one per anchor word, computed once.
	 */
	private record Index(EmbeddingModel model, Map<Term, List<Embedding>> anchors) {

		static Index load() {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			// LangChain4j reads the model through the context class loader while initialising its class: in the
			// repackaged jar, on a thread whose loader is the JVM's, that fails for good (checked with the api jar)
			thread.setContextClassLoader(Synonyms.class.getClassLoader());
			try {
				// embeds in the calling thread: no pool of threads of its own
				EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
				return new Index(model, VOCABULARY.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
						(term) -> embedded(model, term.anchors()))));
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}

		private static List<Embedding> embedded(EmbeddingModel model, List<String> texts) {
			return model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
		}

		Optional<Synonym> nearest(String text) {
			Embedding embedding = this.model.embed(text).content();
			List<Synonym> ranked = this.anchors.entrySet()
				.stream()
				.map((anchors) -> new Synonym(text, anchors.getKey(), closest(embedding, anchors.getValue())))
				.sorted(Comparator.comparingDouble(Synonym::similarity).reversed())
				.toList();
			Synonym best = ranked.get(0);
			boolean clear = best.similarity() - ranked.get(1).similarity() >= MARGIN;
			return (best.similarity() >= THRESHOLD && clear) ? Optional.of(best) : Optional.empty();
		}

		private static double closest(Embedding embedding, List<Embedding> anchors) {
			return anchors.stream().mapToDouble((anchor) -> CosineSimilarity.between(embedding, anchor)).max().orElse(-1);
		}

	}

}
