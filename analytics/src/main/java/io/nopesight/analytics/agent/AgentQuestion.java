package io.nopesight.analytics.agent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A question in plain English and its context: {@code timeRange} ({@code next_month}, {@code next_quarter},
 * {@code next_year} or a number of days ahead for the optimizer; {@code last_day}, {@code last_week},
 * {@code last_month} or a number of days back for the event analyst), {@code budgetLimit} for the upgrades,
 * {@code asOf} the moment to answer as of (now when not given, so that an answer can be reproduced) and
 * {@code targetUtilization}, the percentage a resource should stay under (75 when not given).
 */
public record AgentQuestion(String query, @Nullable String timeRange, @Nullable Double budgetLimit,
		@Nullable Instant asOf, @Nullable Double targetUtilization) {

	public static AgentQuestion of(String query) {
		return new AgentQuestion(query, null, null, null, null);
	}

}
