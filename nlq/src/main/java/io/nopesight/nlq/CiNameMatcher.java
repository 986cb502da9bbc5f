package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nopesight.nlq.CiNameIndex.Hit;
import io.nopesight.nlq.NameMention.Kind;

/**
 * Finds the CIs a question names, from an index of every CI's name ({@link CiNameIndex}) that is built again
 * only when the CMDB has changed ({@link CmdbChanges}). A name is found exactly whatever its case and
 * separators, misspelt when the misspelling is closer to one name than to any other, and as ambiguous when the
 * words are the start of several names or as close to several: the reader then asks which one, rather than
 * guessing.
 */
@Component
class CiNameMatcher {

	/** The most words a name is looked for in. */
	static final int MAX_WORDS = 6;

	// one document per name: a question writes the name, whatever the type (names are unique per type)
	private static final String NAMES = """
			SELECT name, string_agg(type, ',') AS types FROM configuration_item GROUP BY name
			""";

	// the reader's words: names keep their dashes, dots and underscores inside a word
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._\\-]*[\\p{L}\\p{N}])?");

	private static final List<Rule> RULES = List.of(CiNameMatcher::exact, CiNameMatcher::misspelt,
			CiNameMatcher::prefix);

	private final CmdbChanges changes;

	private final JdbcClient jdbc;

	private volatile CiNameIndex index = CiNameIndex.builder().build(-1);

	CiNameMatcher(CmdbChanges changes, JdbcClient jdbc) {
		this.changes = changes;
		this.jdbc = jdbc;
	}

	/** The CIs the question names, in the order it names them. */
	List<NameMention> mentions(String question) {
		return mentions(question, current());
	}

	/** The types of the CIs bearing these names, as of the last question read. */
	Set<String> types(Collection<?> names) {
		return this.index.types(names);
	}

	/** The index of the CMDB's names as they are now. */
	CiNameIndex current() {
		long now = this.changes.ofCis();
		if (this.index.version() != now) {
			synchronized (this) {
				if (this.index.version() != now) {
					// the index before stays open for questions still reading it: it holds memory, no files
					this.index = read(now);
				}
			}
		}
		return this.index;
	}

	private CiNameIndex read(long version) {
		CiNameIndex.Builder builder = CiNameIndex.builder();
		this.jdbc.sql(NAMES)
			.query((rs) -> {
				builder.add(rs.getString("name"), Arrays.asList(rs.getString("types").split(",")));
			});
		return builder.build(version);
	}

	/**
	 * The names in a question: each span of up to {@link #MAX_WORDS} words looked up as an exact name first,
	 * then as a misspelt one, then as the start of names, longer spans before shorter, so that a span is read
	 * as the closest name it can be ("Customer Portal Web" before "Customer Portal") and a misspelling never
	 * takes words an exact name has.
	 */
	static List<NameMention> mentions(String question, CiNameIndex index) {
		List<int[]> words = words(question);
		Lookup lookup = new Lookup(index);
		boolean[] taken = new boolean[words.size()];
		List<NameMention> mentions = new ArrayList<>();
		for (Rule rule : RULES) {
			for (int size = Math.min(MAX_WORDS, words.size()); size >= 1; size--) {
				for (int first = 0; first + size <= words.size(); first++) {
					NameSpan span = taken(taken, first, size) ? null
							: NameSpan.of(question, words.subList(first, first + size));
					if (span == null || span.tokens().size() > index.longest()) {
						continue;
					}
					NameMention mention = rule.read(span, lookup);
					if (mention != null) {
						mentions.add(mention);
						Arrays.fill(taken, first, first + size, true);
					}
				}
			}
		}
		mentions.sort(Comparator.comparingInt(NameMention::start));
		return mentions;
	}

	/**
	 * The span's own name, in any case and with any separators, or without zero padding ("PROD-WEB-1"). Words
	 * of the questions' vocabulary alone ("production servers", "windows server 2019") name nothing, unless
	 * written as one word the way names are ("test-db"), or numbered as names are and naming exactly one CI
	 * ("vmware host 04").
	 */
	private static @Nullable NameMention exact(NameSpan span, Lookup lookup) {
		boolean numbered = span.words() >= 2 && span.digits();
		if (span.vocabularyOnly() && !(span.words() == 1 && (span.separated() || span.digits())) && !numbered) {
			return null;
		}
		List<Hit> hits = lookup.index().exact(span.key());
		List<String> names = names(hits);
		List<String> literal = names.stream().filter((n) -> n.equalsIgnoreCase(span.written())).toList();
		List<String> same = names.stream().filter((n) -> NameKeys.runs(n).equals(span.runs())).toList();
		if (literal.size() == 1 || same.size() == 1) {
			return span.mention((literal.size() == 1) ? literal : same, Kind.EXACT, 1);
		}
		if (names.size() == 1) {
			return span.mention(names, Kind.MISSPELT, 1);
		}
		if (numbered && span.vocabularyOnly()) {
			// "windows server 2019" that is the start of several names is still the OS, not a question which one
			return null;
		}
		return names.isEmpty() ? null : span.mention(same.isEmpty() ? names : same, Kind.AMBIGUOUS, -1);
	}

	/**
	 * A name misspelt within a few edits, in words written like a name: edits only to words that are not the
	 * questions' own and are longer than two letters (one edit up to five letters, two beyond), never to a
	 * number, so PROD-WEB-13 is not PROD-WEB-12.
	 */
	private static @Nullable NameMention misspelt(NameSpan span, Lookup lookup) {
		int[] allowed = span.tokens().stream().mapToInt(CiNameMatcher::editsAllowed).toArray();
		int edits = Math.min(2, Arrays.stream(allowed).sum());
		if (!span.nameLike() || edits == 0) {
			return null;
		}
		List<Query> tokens = tokenQueries(span, allowed, lookup);
		if (tokens == null) {
			return null;
		}
		int best = Integer.MAX_VALUE;
		List<Hit> closest = new ArrayList<>();
		for (Hit hit : lookup.index().withTokens(tokens, allowed.length)) {
			int distance = distance(span.tokens(), allowed, NameKeys.tokens(hit.name()));
			if (distance >= 0 && distance <= edits && distance <= best) {
				if (distance < best) {
					closest.clear();
					best = distance;
				}
				closest.add(hit);
			}
		}
		List<String> near = names(closest);
		return near.isEmpty() ? null : span.mention(near, (near.size() == 1) ? Kind.MISSPELT : Kind.AMBIGUOUS, -1);
	}

	/**
	 * A query per token of the span, or null as soon as one is in no name; the tokens to match as written are
	 * looked up first, as they cost less than a fuzzy query and most spans fail on one of them.
	 */
	private static @Nullable List<Query> tokenQueries(NameSpan span, int[] allowed, Lookup lookup) {
		List<Query> queries = new ArrayList<>();
		List<Integer> order = IntStream.range(0, allowed.length)
			.boxed()
			.sorted(Comparator.comparingInt((i) -> allowed[i]))
			.toList();
		for (int i : order) {
			Query token = lookup.token(span.tokens().get(i), allowed[i]);
			if (token == null) {
				return null;
			}
			queries.add(token);
		}
		return queries;
	}

	/** The start of names, written like one ("PROD-WEB", "Customer Portal"): which of them is meant? */
	private static @Nullable NameMention prefix(NameSpan span, Lookup lookup) {
		boolean written = span.separated() || (span.words() >= 2 && span.capitalised() && span.noVocabulary());
		if (!written || span.vocabularyOnly()) {
			return null;
		}
		CiNameIndex.Prefixed prefixed = lookup.index().prefixed(span.key());
		return (prefixed.count() == 0) ? null : span.mention(prefixed.names(), Kind.AMBIGUOUS, prefixed.count());
	}

	private static int editsAllowed(String token) {
		if (NameKeys.number(token) || NameKeys.vocabulary(token) || token.length() <= 2) {
			return 0;
		}
		return (token.length() <= 5) ? 1 : 2;
	}

	/** The edits from the written tokens to a name's, each within its allowance; -1 if not within. */
	private static int distance(List<String> written, int[] allowed, List<String> name) {
		if (written.size() != name.size()) {
			return -1;
		}
		int total = 0;
		for (int i = 0; i < allowed.length; i++) {
			int distance = written.get(i).equals(name.get(i)) ? 0
					: (allowed[i] == 0) ? Integer.MAX_VALUE : NameKeys.distance(written.get(i), name.get(i));
			if (distance > allowed[i]) {
				return -1;
			}
			total += distance;
		}
		return total;
	}

	private static List<String> names(List<Hit> hits) {
		TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
		hits.forEach((hit) -> names.add(hit.name()));
		return List.copyOf(names);
	}

	private static List<int[]> words(String question) {
		List<int[]> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(question);
		while (matcher.find()) {
			words.add(new int[] { matcher.start(), matcher.end() });
		}
		return words;
	}

	private static boolean taken(boolean[] taken, int first, int size) {
		for (int i = first; i < first + size; i++) {
			if (taken[i]) {
				return true;
			}
		}
		return false;
	}

	@FunctionalInterface
	private interface Rule {

		@Nullable NameMention read(NameSpan span, Lookup lookup);

	}

	/** The index, and the token queries of a question so far: its spans share most tokens. */
	private record Lookup(CiNameIndex index, Map<String, Optional<Query>> tokens) {

		Lookup(CiNameIndex index) {
			this(index, new HashMap<>());
		}

		@Nullable Query token(String token, int edits) {
			return this.tokens
				.computeIfAbsent(edits + " " + token, (k) -> Optional.ofNullable(this.index.token(token, edits)))
				.orElse(null);
		}

	}

}
