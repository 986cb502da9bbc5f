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
			Rewording.Reworded other = REWORDING.reword(question, ex.unread()).orElseThrow(() -> ex);
			return QuestionReader.read(other.question(), values);
		}
	}

	@Test
	void aWordTheVocabularyLacksIsReadAsTheTermItMeans() {
		assertThatThrownBy(() -> QuestionReader.read("list the notebooks in staging", QuestionReaderTests.VALUES))
			.isInstanceOfSatisfying(QueryNotUnderstoodException.class,
					(ex) -> assertThat(ex.unread()).containsExactly("notebooks"));
		Rewording.Reworded reworded = REWORDING.reword("list the notebooks in staging", List.of("notebooks")).orElseThrow();
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
		assertThat(REWORDING.reword("servers bananas", List.of("bananas"))).isEmpty();
	}

	@Test
	void aRewordedWordLetsItsNeighboursBeReadToo() {
		// the window is read only once the events are: the run "notifications last week" is reworded word by word
		QueryPlan plan = readReworded("servers with notifications last week", QuestionReaderTests.VALUES);
		assertThat(plan.events()).isNotNull();
		assertThat(plan.events().ofCis()).isTrue();
		assertThat(plan.events().window()).isEqualTo(java.time.Duration.ofDays(7));
	}

}
