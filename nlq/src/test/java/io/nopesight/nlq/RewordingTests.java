package io.nopesight.nlq;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.nlq.Condition.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Other wordings of questions whose words were not all read, with the real MiniLM and OpenNLP models.
 */
class RewordingTests {

	private static final Rewording REWORDING = new Rewording(new Synonyms(), new Lemmas());

	private static QueryPlan readReworded(String question, CmdbValues values) {
		try {
			return QuestionReader.read(question, values);
		}
		catch (QueryNotUnderstoodException ex) {
			Rewording.Reworded other = REWORDING.reword(question, ex.unread(), List.of("Finance", "nagios"))
				.orElseThrow(() -> ex);
			return QuestionReader.read(other.question(), values);
		}
	}

	@Test
	void aWordTheVocabularyLacksIsReadAsTheTermItMeans() {
		assertThatThrownBy(() -> QuestionReader.read("list the notebooks in staging", QuestionReaderTests.VALUES))
			.isInstanceOfSatisfying(QueryNotUnderstoodException.class,
					(ex) -> assertThat(ex.unread()).containsExactly("notebooks"));
		Rewording.Reworded reworded = REWORDING.reword("list the notebooks in staging", List.of("notebooks"), List.of())
			.orElseThrow();
		assertThat(reworded.question()).isEqualTo("list the workstations in staging");
		assertThat(reworded.facts()).singleElement().asString().startsWith("Read 'notebooks' as 'workstations'");
		assertThat(readReworded("list the notebooks in staging", QuestionReaderTests.VALUES).entity())
			.isEqualTo("workstation");
	}

	@Test
	void aVerbInAnotherFormIsReadInItsDictionaryForm() {
		QueryPlan plan = readReworded("what ran on VMWARE-HOST-02",
				QuestionReaderTests.VALUES.with(Field.NAME, List.of("VMWARE-HOST-02")));
		assertThat(plan.relation()).extracting(RelationClause::types, RelationClause::anchors)
			.containsExactly(List.of("runs_on"), List.of("VMWARE-HOST-02"));
	}

	@Test
	void wordsWithNoOtherWordingLeaveTheQuestionNotUnderstood() {
		// "reboots" has a dictionary form, but "frequent" and "lately" still are not read
		assertThatThrownBy(() -> readReworded("servers with frequent reboots lately", QuestionReaderTests.VALUES))
			.isInstanceOf(QueryNotUnderstoodException.class);
		assertThat(REWORDING.reword("servers bananas", List.of("bananas"), List.of())).isEmpty();
	}

	@Test
	void aRewordedWordLetsItsNeighboursBeReadToo() {
		// the window is read only once the events are: the run "notifications last week" is reworded word by word
		QueryPlan plan = readReworded("servers with notifications last week", QuestionReaderTests.VALUES);
		assertThat(plan.events()).isNotNull();
		assertThat(plan.events().ofCis()).isTrue();
		assertThat(plan.events().window()).isEqualTo(java.time.Duration.ofDays(7));
	}

	@Test
	void aMistypedWordIsReadAsTheWordItWasTypedFor() {
		QueryPlan plan = readReworded("how many servres are in the test environment", QuestionReaderTests.VALUES);
		assertThat(plan.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(plan.entity()).isEqualTo("server");
		assertThat(readReworded("critcal evnets in the last 3 days", QuestionReaderTests.VALUES).events().severities())
			.containsExactly("critical");
		assertThat(readReworded("servers with high memroy usage in the past 30 days", QuestionReaderTests.VALUES).metric()
			.metric()).isEqualTo("memory_usage");
		assertThat(readReworded("worksations in the Finanse department", QuestionReaderTests.VALUES).filters())
			.extracting(Condition::field)
			.contains(Field.DEPARTMENT);
		Rewording.Reworded spelt = REWORDING.reword("non-prodcution servers", List.of("prodcution"), List.of()).orElseThrow();
		assertThat(spelt.facts()).containsExactly("Read 'prodcution' as 'production' (spelling)");
	}

	@Test
	void aWordCloseToTwoWordsOrToNoneIsNotCorrected() {
		assertThat(Spelling.corrected("bananas", List.of())).isEmpty();
		// "ost" is too short to tell, and "lsit" could be list or last... both one swap or edit away: no guess
		assertThat(Spelling.corrected("ost", List.of())).isEmpty();
		assertThat(Spelling.corrected("sever", List.of())).contains("server");
		assertThat(Spelling.corrected("memory", List.of())).isEmpty();
	}

}
