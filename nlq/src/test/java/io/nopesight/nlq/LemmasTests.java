package io.nopesight.nlq;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nopesight.nlq.Lemmas.Token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tokens, tags and lemmas from OpenNLP's English UD models.
 */
class LemmasTests {

	// one instance, so the models are loaded once for the class
	private static final Lemmas lemmas = new Lemmas();

	@Test
	void ofGivesEachTokenWithItsOffsetsTagAndLemma() {
		// when
		List<Token> tokens = lemmas.of("Which servers were hosting the Payments API?");
		// then
		assertThat(tokens).extracting(Token::text, Token::start, Token::end, Token::lemma)
			.containsExactly(tuple("Which", 0, 5, "which"), tuple("servers", 6, 13, "server"),
					tuple("were", 14, 18, "be"), tuple("hosting", 19, 26, "host"), tuple("the", 27, 30, "the"),
					tuple("Payments", 31, 39, "payment"), tuple("API", 40, 43, "api"), tuple("?", 43, 44, "?"));
		assertThat(tokens.get(3).tag()).isEqualTo("VERB");
		assertThat(tokens.get(1).tag()).isEqualTo("NOUN");
	}

	@Test
	void ofGivesTheLemmaOfVerbsAndPlurals() {
		assertThat(lemma("Which applications depended on the database?", "depended")).isEqualTo("depend");
		assertThat(lemma("machines running Windows", "machines")).isEqualTo("machine");
		assertThat(lemma("machines running Windows", "running")).isEqualTo("run");
		assertThat(lemma("which apps ran on it", "ran")).isEqualTo("run");
	}

	// the lemma is the model's, in context: a name tagged as a common noun loses its "s", and a rare form may
	// keep its ending ("What depended on it?" gives "depended"), so names are matched on the text
	@Test
	void ofGivesTheModelsLemmaEvenWhereItIsNotTheWordsOwn() {
		assertThat(lemma("machines running Windows", "Windows")).isEqualTo("window");
	}

	@Test
	void ofKeepsCiNamesHostNamesVersionsAndAddressesInOneToken() {
		// given
		String text = "Is PROD-WEB-01's CPU above 80% on esx-01 (Ubuntu 22.04, 10.0.0.1) or prod-db-03.example.com?";
		// when
		List<Token> tokens = lemmas.of(text);
		// then
		assertThat(tokens).extracting(Token::text)
			.containsExactly("Is", "PROD-WEB-01", "'s", "CPU", "above", "80", "%", "on", "esx-01", "(", "Ubuntu",
					"22.04", ",", "10.0.0.1", ")", "or", "prod-db-03.example.com", "?");
		assertThat(tokens).filteredOn((token) -> token.text().equals("PROD-WEB-01"))
			.extracting(Token::start, Token::end, Token::lemma)
			.containsExactly(tuple(3, 14, "prod-web-01"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Which servers were hosting the Payments API?", "servers in DC1-R04 and srv_app_02.",
			"what does app-payments-api depend on", "Is PROD-WEB-01's CPU above 80%?  (see db-03.example.com)",
			"servers isn't non-production, they're test's", "  CPU\tabove 90% \n last week " })
	void ofGivesOffsetsThatCutTheTokensOutOfTheText(String text) {
		// when
		List<Token> tokens = lemmas.of(text);
		// then
		int previousEnd = 0;
		for (Token token : tokens) {
			assertThat(text.substring(token.start(), token.end())).isEqualTo(token.text());
			assertThat(token.start()).isGreaterThanOrEqualTo(previousEnd);
			assertThat(token.text()).isNotBlank();
			assertThat(token.lemma()).isLowerCase();
			previousEnd = token.end();
		}
	}

	// the UD model keeps a contraction or a possessive in one token, with a tag and a lemma for each part
	@Test
	void ofKeepsContractionsInOneTokenWithBothTags() {
		assertThat(lemmas.of("it isn't active")).extracting(Token::text, Token::tag, Token::lemma)
			.contains(tuple("isn't", "AUX+PART", "be+not"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n\t" })
	void ofWhenThereAreNoWordsGivesNoTokens(String text) {
		assertThat(lemmas.of(text)).isEmpty();
	}

	@Test
	void ofFromManyThreadsAtOnceGivesWhatOneThreadGives() throws Exception {
		// given
		Lemmas fresh = new Lemmas();
		List<String> texts = List.of("Which servers were hosting the Payments API?", "machines running Windows",
				"Which applications depended on the database?", "What runs on PROD-WEB-01?");
		List<Callable<List<Token>>> calls = texts.stream()
			.flatMap((text) -> Stream.of(text, text))
			.<Callable<List<Token>>>map((text) -> () -> fresh.of(text))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// when
			List<Future<List<Token>>> answers = pool.invokeAll(calls);
			// then
			for (int i = 0; i < calls.size(); i++) {
				assertThat(answers.get(i).get()).isEqualTo(lemmas.of(texts.get(i / 2)));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String lemma(String text, String word) {
		return lemmas.of(text).stream().filter((token) -> token.text().equals(word)).findFirst().orElseThrow().lemma();
	}

}
