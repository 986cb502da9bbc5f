package io.nopesight.api.agent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.agent.AgentQuestion;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;

/**
 * A question to an agent: {@code query}, and an optional {@code context}: {@code time_range} (a name such as
 * {@code next_quarter} or a number of days), {@code budget_limit}, {@code as_of} (an RFC 3339 time or a date) and
 * {@code target_utilization} (a percentage).
 */
record AgentQueryRequest(@Nullable String query, @Nullable Context context) {

	AgentQuestion toQuestion() {
		if (this.query == null || this.query.isBlank()) {
			throw new InvalidInputException("query", "query is required: a question in plain English");
		}
		Context context = (this.context != null) ? this.context : new Context(null, null, null, null);
		Object range = context.timeRange();
		if (range != null && !(range instanceof String) && !(range instanceof Number)) {
			throw new InvalidInputException(List.of(new FieldError("context.time_range",
					"time_range is a name such as next_quarter or a number of days")));
		}
		String timeRange = (range instanceof Number number) ? numberText(number) : (String) range;
		Instant asOf = Timestamps.parseField("context.as_of", context.asOf());
		return new AgentQuestion(this.query.strip(), timeRange, context.budgetLimit(), asOf,
				context.targetUtilization());
	}

	private static String numberText(Number number) {
		double value = number.doubleValue();
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * What the question is asked in.
	 */
	record Context(@Nullable Object timeRange, @Nullable Double budgetLimit, @Nullable String asOf,
			@Nullable Double targetUtilization) {
	}

}
