package io.nopesight.core.cmdb;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How CI text becomes search terms. The standard tokenizer keeps host names, FQDNs, IP addresses and
 * versions whole ({@code newbox.corp.example}, {@code 10.0.3.97}), so a search for {@code newbox} or
 * {@code corp} would find nothing; each such token is also split into its parts, and the whole is kept, so
 * both the full name and any part of it match.
 */
final class CmdbTextAnalysis {

	/**
	 * Bumped whenever the analysis changes: an index built with another version is rebuilt at start.
	 */
	static final String VERSION = "2";

	private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
			| WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

	private CmdbTextAnalysis() {
	}

	/**
	 * For documents: the split graph is flattened, as an index cannot store token graphs.
	 */
	static Analyzer forIndexing() {
		return analyzer(true);
	}

	/**
	 * For queries: the graph is kept, so a query for the whole token matches it as a whole or as its parts
	 * in sequence.
	 */
	static Analyzer forQueries() {
		return analyzer(false);
	}

	private static Analyzer analyzer(boolean flatten) {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream split = new WordDelimiterGraphFilter(source, SPLIT, null);
				TokenStream lower = new LowerCaseFilter(split);
				return new TokenStreamComponents(source, flatten ? new FlattenGraphFilter(lower) : lower);
			}

		};
	}

}
