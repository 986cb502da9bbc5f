package io.nopesight.nlq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The CIs' names in an in-memory Lucene index, one document per name, found by their key
 * ({@link NameKeys#key}): exactly, by tokens each within a few edits, or by the start of the key. Built once
 * from a list of names and then only read, so any number of questions read it at once; a changed CMDB gets a
 * new one.
 */
final class CiNameIndex {

	/** The most names an ambiguous mention offers. */
	static final int MAX_NAMES = 10;

	// a key maps to a handful of names at most (PROD-WEB-01 and PROD_WEB_01); tokens near a question's to a few more
	private static final int MAX_HITS = 200;

	private static final int MAX_EXPANSIONS = 100;

	private final IndexSearcher searcher;

	private final long version;

	private final int longest;

	private CiNameIndex(DirectoryReader reader, long version, int longest) {
		this.searcher = new IndexSearcher(reader);
		// each snapshot is searched with ever new keys; a cache would only keep old snapshots' segments alive
		this.searcher.setQueryCache(null);
		this.version = version;
		this.longest = longest;
	}

	/** A name and the types of the CIs that bear it. */
	record Hit(String name, Set<String> types) {
	}

	/** How many names start with a key, and the first of them by name. */
	record Prefixed(int count, List<String> names) {
	}

	static Builder builder() {
		return new Builder();
	}

	/** The CMDB's change counter when the names were read. */
	long version() {
		return this.version;
	}

	/** The most tokens of any name: a longer span of a question names nothing. */
	int longest() {
		return this.longest;
	}

	List<Hit> exact(String key) {
		return hits(new TermQuery(new Term("key", key)));
	}

	/**
	 * A query for the names with a token at most {@code edits} edits from this one (a Lucene fuzzy query,
	 * rewritten into the tokens it matches so that the spans of a question can share it), or null if no name
	 * has such a token.
	 */
	@Nullable Query token(String token, int edits) {
		Term term = new Term("token", token);
		try {
			Query query = (edits == 0) ? new TermQuery(term)
					: this.searcher.rewrite(new FuzzyQuery(term, edits, 0, MAX_EXPANSIONS, true));
			return (this.searcher.count(query) > 0) ? query : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The names of {@code size} tokens that match every one of the token queries, closest first. */
	List<Hit> withTokens(List<Query> tokens, int size) {
		BooleanQuery.Builder query = new BooleanQuery.Builder()
			.add(new TermQuery(new Term("size", Integer.toString(size))), Occur.FILTER);
		tokens.forEach((token) -> query.add(token, Occur.MUST));
		return hits(query.build());
	}

	/**
	 * The names whose key starts with the key's words ("prod web" starts PROD-WEB-01, not PROD-WEBX-01), but
	 * software's: a product named without its version ("Apache Log4j") means every version of it.
	 */
	Prefixed prefixed(String key) {
		Query query = new BooleanQuery.Builder().add(new PrefixQuery(new Term("key", key + " ")), Occur.MUST)
			.add(new TermQuery(new Term("type", "software")), Occur.MUST_NOT)
			.build();
		try {
			int count = this.searcher.count(query);
			List<String> names = new ArrayList<>();
			if (count > 0) {
				for (ScoreDoc hit : this.searcher.search(query, MAX_NAMES,
						new Sort(new SortField("name_sort", SortField.Type.STRING))).scoreDocs) {
					names.add(this.searcher.storedFields().document(hit.doc).get("name"));
				}
			}
			return new Prefixed(count, names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The types of the CIs that bear these names. */
	Set<String> types(Collection<?> names) {
		Set<String> types = new LinkedHashSet<>();
		for (Object name : names) {
			for (Hit hit : hits(new TermQuery(new Term("name", String.valueOf(name))))) {
				types.addAll(hit.types());
			}
		}
		return types;
	}

	private List<Hit> hits(Query query) {
		try {
			List<Hit> hits = new ArrayList<>();
			for (ScoreDoc hit : this.searcher.search(query, MAX_HITS).scoreDocs) {
				Document doc = this.searcher.storedFields().document(hit.doc);
				hits.add(new Hit(doc.get("name"), Set.copyOf(Arrays.asList(doc.getValues("type")))));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds names one by one, as they are read, into a new index. */
	static final class Builder {

		// Lucene's limit on a term, in bytes; no question is that long
		private static final int MAX_NAME = 1_000;

		private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

		private final IndexWriter writer;

		private int longest;

		private Builder() {
			try {
				this.writer = new IndexWriter(this.directory, new IndexWriterConfig().setRAMBufferSizeMB(64));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Builder add(String name, Collection<String> types) {
			List<String> tokens = NameKeys.tokens(name);
			if (tokens.isEmpty() || name.length() > MAX_NAME) {
				return this;
			}
			Document doc = new Document();
			doc.add(new StringField("name", name, Store.YES));
			doc.add(new StringField("key", String.join(" ", tokens), Store.NO));
			for (String token : new LinkedHashSet<>(tokens)) {
				doc.add(new StringField("token", token, Store.NO));
			}
			doc.add(new StringField("size", Integer.toString(tokens.size()), Store.NO));
			doc.add(new SortedDocValuesField("name_sort", new BytesRef(name.toLowerCase(Locale.ROOT))));
			for (String type : types) {
				doc.add(new StringField("type", type, Store.YES));
			}
			try {
				this.writer.addDocument(doc);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.longest = Math.max(this.longest, tokens.size());
			return this;
		}

		CiNameIndex build(long version) {
			try (IndexWriter writer = this.writer) {
				writer.commit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				return new CiNameIndex(DirectoryReader.open(this.directory), version, this.longest);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
