package io.nopesight.nlq;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question as a typed plan: the CIs it is about (filters, including the type), the answer's shape, the
 * field a {@code group} answer groups by, and what it asks of a metric.
 */
public record QueryPlan(String entity, List<Condition> filters, AnswerType answerType,
		Condition.@Nullable Field groupBy, @Nullable MetricClause metric) {

	public QueryPlan {
		filters = List.copyOf(filters);
	}

	/** How the answer is shaped. */
	public enum AnswerType {

		LIST, TOP, COUNT, AGGREGATE, GROUP;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
