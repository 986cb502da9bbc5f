package io.nopesight.nlq;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a question was read as, so that an analyst can see and correct it: which path read it
 * ({@code offline}), the entity, the filters, the grouping and the answer type.
 */
public record Interpretation(String source, String entity, List<Condition> filters, @Nullable String groupBy,
		String answerType) {

	public Interpretation {
		filters = List.copyOf(filters);
	}

}
