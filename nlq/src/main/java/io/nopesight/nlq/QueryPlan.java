package io.nopesight.nlq;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question as a typed plan: the CIs it is about (filters, including the type), the answer's shape, the
 * field a {@code group} answer groups by, what it asks of a metric, and of events (with
 * {@code eventGroup}, the event field a group answer of events groups by), and a hop through the relationship
 * graph the CIs are reached by.
 */
public record QueryPlan(String entity, List<Condition> filters, AnswerType answerType,
		Condition.@Nullable Field groupBy, @Nullable MetricClause metric, @Nullable EventClause events,
		@Nullable String eventGroup, @Nullable RelationClause relation) {

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
