package io.nopesight.nlq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.nopesight.core.InvalidInputException;

/**
 * Reads a question against the CMDB's current values, runs the plan and answers with the interpretation and
 * facts about the result.
 */
@Service
class DefaultNaturalLanguageQueries implements NaturalLanguageQueries {

	private final JdbcCmdbValues values;

	private final CiNameMatcher names;

	private final JdbcPlanQueries queries;

	private final Clock clock;

	DefaultNaturalLanguageQueries(JdbcCmdbValues values, CiNameMatcher names, JdbcPlanQueries queries, Clock clock) {
		this.values = values;
		this.names = names;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public QueryAnswer ask(Question question) {
		String text = check(question.query());
		List<NameMention> mentions = this.names.mentions(text);
		CmdbValues known = this.values.current().with(Condition.Field.NAME, mentions.stream()
			.filter((m) -> !m.ambiguous())
			.flatMap((m) -> m.names().stream())
			.distinct()
			.toList());
		QueryPlan plan = QuestionReader.read(text, known, mentions);
		refuseNamesOfAnotherType(plan);
		Instant asOf = (question.asOf() != null) ? question.asOf() : this.clock.instant();
		List<Map<String, @Nullable Object>> results = this.queries.run(plan, asOf);
		java.time.Duration window = (plan.metric() != null) ? plan.metric().window()
				: (plan.events() != null) ? plan.events().window() : null;
		Interpretation interpretation = new Interpretation("offline", plan.entity(), plan.filters(),
				(plan.groupBy() != null) ? plan.groupBy().key() : plan.eventGroup(), plan.answerType().key(),
				plan.metric(), plan.events(), (window != null) ? asOf.minus(window) : null,
				(window != null) ? asOf : null);
		return new QueryAnswer(interpretation, plan.answerType().key(), results, insights(plan, results), List.of());
	}

	/**
	 * A CI named together with a kind of CI it is not ("servers with Apache Log4j 2.14.1 installed") is about
	 * how the two relate, which the filters do not say: as filters they could only answer nothing.
	 */
	private void refuseNamesOfAnotherType(QueryPlan plan) {
		Condition type = plan.filters()
			.stream()
			.filter((c) -> c.field() == Condition.Field.TYPE && !c.negated())
			.findFirst()
			.orElse(null);
		Condition named = plan.filters().stream().filter((c) -> c.field() == Condition.Field.NAME).findFirst().orElse(null);
		if (type == null || named == null) {
			return;
		}
		java.util.Set<String> types = this.names.types(named.values());
		if (!types.isEmpty() && !types.contains(String.valueOf(type.values().get(0)))) {
			String are = String.join(" or ", types.stream().map((t) -> kind(t) + " CI").toList());
			throw new QueryNotUnderstoodException("'" + named.from() + "' is " + are + ", not " + kind(
					String.valueOf(type.values().get(0))) + "; how the two relate is not read", QuestionReader.SUGGESTIONS);
		}
	}

	private static String kind(String type) {
		String words = type.replace('_', ' ');
		return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
	}

	private static List<String> insights(QueryPlan plan, List<Map<String, @Nullable Object>> results) {
		List<String> insights = new ArrayList<>();
		if (plan.answerType() == QueryPlan.AnswerType.LIST && results.size() >= JdbcPlanQueries.MAX_ROWS) {
			insights.add("Only the first " + JdbcPlanQueries.MAX_ROWS + " rows are listed; ask for a count to see how many");
		}
		if (plan.answerType() == QueryPlan.AnswerType.GROUP && !results.isEmpty()) {
			long total = results.stream().mapToLong((r) -> ((Number) r.get("count")).longValue()).sum();
			Map<String, @Nullable Object> largest = results.get(0);
			insights.add(String.format(java.util.Locale.ROOT, "%s is the largest group: %d of %d (%.0f%%)",
					largest.get("group"), ((Number) largest.get("count")).longValue(), total,
					100.0 * ((Number) largest.get("count")).longValue() / total));
		}
		return insights;
	}

	private static String check(@Nullable String query) {
		if (query == null || query.isBlank()) {
			throw new InvalidInputException("query", "a question is required, e.g. \"How many servers are in production?\"");
		}
		if (query.length() > Question.MAX_LENGTH) {
			throw new InvalidInputException("query", "a question is at most " + Question.MAX_LENGTH + " characters");
		}
		if (query.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
			throw new InvalidInputException("query", "the question contains control characters");
		}
		return query;
	}

}
