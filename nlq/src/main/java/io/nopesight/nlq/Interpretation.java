package io.nopesight.nlq;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a question was read as, so that an analyst can see and correct it: which path read it
 * ({@code llm} or {@code offline}), the entity, the filters, the grouping, the answer type, what
 * was asked of a metric or of events, the hop through relationships, over which window {@code [from, to)}.
 */
public record Interpretation(String source, String entity, List<Condition> filters, @Nullable String groupBy,
		String answerType, @Nullable MetricClause metric, @Nullable EventClause events,
		@Nullable RelationClause relation, @Nullable Instant from,
		@Nullable Instant to) {

	public Interpretation {
		filters = List.copyOf(filters);
	}

}
