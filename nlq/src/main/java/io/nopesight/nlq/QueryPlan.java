package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;

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

	/**
	 * This plan with the parts an analyst removed from its interpretation left out: {@code filters/N}, the
	 * N-th of {@link #filters()}, and {@code group_by} (a group answer becomes a count). The filter that names
	 * the kind of CI asked about stays: it is the question's subject.
	 * @throws InvalidInputException naming {@code without} for a part the plan does not have
	 */
	QueryPlan without(List<String> removed) {
		if (removed.isEmpty()) {
			return this;
		}
		Set<Integer> dropped = new HashSet<>();
		boolean ungrouped = false;
		for (String part : removed) {
			if (part.equals("group_by") && (this.groupBy != null || this.eventGroup != null)) {
				ungrouped = true;
			}
			else if (part.matches("filters/\\d{1,3}") && Integer.parseInt(part.substring(8)) < this.filters.size()) {
				int index = Integer.parseInt(part.substring(8));
				if (this.filters.get(index).field() == Condition.Field.TYPE && !this.entity.equals("ci")) {
					throw new InvalidInputException("without", "'" + part + "' is the kind of CI the question is about");
				}
				dropped.add(index);
			}
			else {
				throw new InvalidInputException("without", "'" + part + "' is not part of this question's reading; "
						+ "give filters/N (N from 0 to " + (this.filters.size() - 1) + ") or group_by");
			}
		}
		List<Condition> kept = new ArrayList<>();
		for (int i = 0; i < this.filters.size(); i++) {
			if (!dropped.contains(i)) {
				kept.add(this.filters.get(i));
			}
		}
		AnswerType answer = (ungrouped && this.answerType == AnswerType.GROUP) ? AnswerType.COUNT : this.answerType;
		return new QueryPlan(this.entity, kept, answer, ungrouped ? null : this.groupBy, this.metric, this.events,
				ungrouped ? null : this.eventGroup, this.relation);
	}

	/** How the answer is shaped. */
	public enum AnswerType {

		LIST, TOP, COUNT, AGGREGATE, GROUP;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
