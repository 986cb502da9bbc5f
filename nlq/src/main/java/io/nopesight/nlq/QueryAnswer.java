package io.nopesight.nlq;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer: what was understood, how the answer is shaped ({@code list}, {@code count}, {@code group}), its
 * rows, facts about them, and what the capacity agent recommends for the servers among them.
 */
public record QueryAnswer(Interpretation interpretation, String answerType,
		List<Map<String, @Nullable Object>> results, List<String> insights, List<Recommendation> recommendations) {

	public QueryAnswer {
		results = List.copyOf(results);
		insights = List.copyOf(insights);
		recommendations = List.copyOf(recommendations);
	}

}
