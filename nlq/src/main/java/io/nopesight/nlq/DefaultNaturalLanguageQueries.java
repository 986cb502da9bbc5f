package io.nopesight.nlq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

	// only when nopesight.nlq.llm.base-url is set (LlmConfiguration)
	private final @Nullable LlmPlanReader llm;

	private final Predictions predictions;

	private final MetricInsights insights;

	private final CapacityRecommendations recommendations;

	private final Rewording rewording;

	DefaultNaturalLanguageQueries(JdbcCmdbValues values, CiNameMatcher names, JdbcPlanQueries queries, Clock clock,
			@Nullable LlmPlanReader llm, Predictions predictions, MetricInsights insights,
			CapacityRecommendations recommendations, Rewording rewording) {
		this.values = values;
		this.names = names;
		this.queries = queries;
		this.clock = clock;
		this.llm = llm;
		this.predictions = predictions;
		this.insights = insights;
		this.recommendations = recommendations;
		this.rewording = rewording;
	}

	@Override
	public QueryAnswer ask(Question question) {
		String text = check(question.query());
		List<String> reworded = new ArrayList<>();
		SourcedPlan read = readOrReworded(text, reworded);
		QueryPlan plan = read.plan().without(question.without());
		Instant asOf = (question.asOf() != null) ? question.asOf() : this.clock.instant();
		ZoneId zone = zone(question.timeZone());
		List<String> facts = new ArrayList<>(reworded);
		List<Map<String, @Nullable Object>> results = results(plan, asOf, facts);
		facts.addAll(insights(plan, results));
		MetricClause metric = plan.metric();
		if (metric != null && plan.events() == null && !plan.entity().equals("event") && metric.aggregate() == null
				&& plan.answerType() != QueryPlan.AnswerType.GROUP) {
			MetricInsights.Insights found = this.insights.of(metric, results, asOf, zone);
			results = found.rows();
			facts.addAll(found.facts());
		}
		if (question.includePredictions() && !metric(plan, "forecast")) {
			results = this.predictions.included(results, (metric != null) ? metric.metric() : "disk_usage",
					(metric != null && metric.horizon() != null) ? metric.horizon() : Predictions.INCLUDED_HORIZON, asOf);
		}
		List<Recommendation> advice = capacityQuestion(plan, question) ? this.recommendations.of(results, asOf)
				: List.of();
		java.time.Duration window = (plan.metric() != null) ? plan.metric().window()
				: (plan.events() != null) ? plan.events().window() : null;
		Interpretation interpretation = new Interpretation(read.source(), plan.entity(), plan.filters(),
				(plan.groupBy() != null) ? plan.groupBy().key() : plan.eventGroup(), plan.answerType().key(),
				plan.metric(), plan.events(), plan.relation(), (window != null) ? asOf.minus(window) : null,
				(window != null) ? asOf : null);
		return new QueryAnswer(interpretation, plan.answerType().key(), results, facts, advice);
	}

	/**
	 * The question's plan, or that of its first other wording that reads ({@link Rewording}), whose replacements
	 * go to {@code reworded}; when none reads, the question's own refusal stands.
	 */
	private SourcedPlan readOrReworded(String text, List<String> reworded) {
		try {
			return read(text);
		}
		catch (QueryNotUnderstoodException ex) {
			for (Rewording.Reworded other : this.rewording.rewordings(text, ex.unread(), ownWords())) {
				try {
					SourcedPlan read = read(other.question());
					reworded.addAll(other.facts());
					return read;
				}
				catch (QueryNotUnderstoodException again) {
					// the next wording
				}
			}
			throw ex;
		}
	}

	// the CMDB's words a typo may stand for: departments and event sources
	private List<String> ownWords() {
		CmdbValues current = this.values.current();
		List<String> words = new ArrayList<>(current.eventSources());
		current.of(Condition.Field.DEPARTMENT).forEach(words::add);
		return words;
	}

	private SourcedPlan read(String text) {
		List<NameMention> mentions = this.names.mentions(text);
		CmdbValues known = this.values.current().with(Condition.Field.NAME, mentions.stream()
			.filter((m) -> !m.ambiguous())
			.flatMap((m) -> m.names().stream())
			.distinct()
			.toList());
		SourcedPlan read = (this.llm != null) ? this.llm.read(text, known, mentions)
				: SourcedPlan.offline(text, known, mentions);
		refuseNamesOfAnotherType(read.plan());
		return read;
	}

	/** The rows: from SQL, and for "will run out" questions those of them whose forecast reaches 100 in time. */
	private List<Map<String, @Nullable Object>> results(QueryPlan plan, Instant asOf, List<String> notes) {
		MetricClause metric = plan.metric();
		if (metric == null || !metric.predicted()) {
			return this.queries.run(plan, asOf);
		}
		List<Map<String, @Nullable Object>> exhausting = this.predictions.exhausting(this.queries.cis(plan), metric, asOf,
				notes);
		return switch (plan.answerType()) {
			case COUNT -> List.of(Map.of("count", exhausting.size()));
			case TOP -> exhausting.subList(0, Math.min(exhausting.size(), (metric.top() != null) ? metric.top() : 1));
			default -> exhausting;
		};
	}

	// the agent is asked about the servers of capacity questions only: each of its answers is a recorded decision
	private static boolean capacityQuestion(QueryPlan plan, Question question) {
		MetricClause metric = plan.metric();
		boolean condition = metric != null && (metric.predicted() || metric.threshold() != null);
		return plan.events() == null && plan.answerType() != QueryPlan.AnswerType.COUNT
				&& plan.answerType() != QueryPlan.AnswerType.GROUP && (condition || question.includePredictions());
	}

	private static boolean metric(QueryPlan plan, String aggregation) {
		return plan.metric() != null && aggregation.equals(plan.metric().aggregation());
	}

	private static ZoneId zone(@Nullable String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (java.time.DateTimeException ex) {
			throw new InvalidInputException("context.time_zone",
					"'" + timeZone + "' is not a time zone; use an IANA name such as Europe/Berlin or UTC");
		}
	}

	/**
	 * A CI named together with a kind of CI it is not ("ESX-HOST-07 workstations") is about
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
			throw new InvalidInputException("query", "a question is required, e.g. \"How many workstations are in staging?\"");
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
