package io.nopesight.nlq;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;
import io.nopesight.nlq.Condition.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Parts of a reading an analyst removes (the console's chips): the rest of the plan stays as read.
 */
class QueryPlanWithoutTests {

	private static QueryPlan read(String question) {
		return QuestionReader.read(question, QuestionReaderTests.VALUES);
	}

	@Test
	void withoutAFilterKeepsTheOthersInTheirOrder() {
		// given
		QueryPlan plan = read("Ubuntu 24.04 servers in DC2 not in production");
		int location = fieldIndex(plan, Field.LOCATION);
		// when
		QueryPlan without = plan.without(List.of("filters/" + location));
		// then
		assertThat(without.filters()).extracting(Condition::field)
			.containsExactlyElementsOf(plan.filters().stream().map(Condition::field).filter((f) -> f != Field.LOCATION).toList());
		assertThat(without.answerType()).isEqualTo(plan.answerType());
		assertThat(plan.without(List.of())).isSameAs(plan);
	}

	@Test
	void withoutTheGroupingCountsInstead() {
		QueryPlan plan = read("count workstations by department");
		assertThat(plan.answerType()).isEqualTo(QueryPlan.AnswerType.GROUP);
		QueryPlan without = plan.without(List.of("group_by"));
		assertThat(without.answerType()).isEqualTo(QueryPlan.AnswerType.COUNT);
		assertThat(without.groupBy()).isNull();
	}

	@Test
	void withoutAPartTheReadingLacksOrItsSubjectIsRefusedNamingWithout() {
		QueryPlan plan = read("Ubuntu 24.04 servers in DC2");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> plan.without(List.of("filters/9")))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("filters/9"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> plan.without(List.of("group_by")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> plan.without(List.of("filters/" + fieldIndex(plan, Field.TYPE))));
	}

	private static int fieldIndex(QueryPlan plan, Field field) {
		for (int i = 0; i < plan.filters().size(); i++) {
			if (plan.filters().get(i).field() == field) {
				return i;
			}
		}
		throw new AssertionError(field + " not read in " + plan);
	}

}
