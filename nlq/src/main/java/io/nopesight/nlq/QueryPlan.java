package io.nopesight.nlq;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question as a typed plan: the CIs it is about (filters, including the type), the answer's shape and the
 * field a {@code group} answer groups by.
 */
public record QueryPlan(String entity, List<Condition> filters, AnswerType answerType,
		Condition.@Nullable Field groupBy) {

	public QueryPlan {
		filters = List.copyOf(filters);
	}

	/** How the answer is shaped. */
	public enum AnswerType {

		LIST, COUNT, GROUP;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
