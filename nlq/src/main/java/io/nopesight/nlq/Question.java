package io.nopesight.nlq;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question, the instant its time words count back from ({@code asOf}, now when not given), the time zone
 * of the analyst, whether forecasts are wanted, and the parts of its interpretation the analyst removed
 * ({@code without}: {@code filters/N} for the N-th filter as the question's reading lists them,
 * {@code group_by}), which the answer leaves out.
 */
public record Question(String query, @Nullable Instant asOf, @Nullable String timeZone, boolean includePredictions,
		List<String> without) {

	/** The longest question read, in characters. */
	public static final int MAX_LENGTH = 1_000;

	public Question {
		without = List.copyOf(without);
	}

	public Question(String query, @Nullable Instant asOf, @Nullable String timeZone, boolean includePredictions) {
		this(query, asOf, timeZone, includePredictions, List.of());
	}

}
