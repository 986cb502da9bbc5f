package io.nopesight.nlq;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A question, the instant its time words count back from ({@code asOf}, now when not given), the time zone
 * of the analyst and whether forecasts are wanted.
 */
public record Question(String query, @Nullable Instant asOf, @Nullable String timeZone, boolean includePredictions) {

	/** The longest question read, in characters. */
	public static final int MAX_LENGTH = 1_000;

}
