package io.nopesight.nlq;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a question asks of events: severities, statuses and sources (any when empty), a window on their
 * {@code created_at} back from {@code as_of} (all time when none is named), and whether a CI question asks
 * for CIs that have such events ({@code ofCis}) rather than for the events themselves, and with {@code top} the
 * CIs with the most such events, most first.
 */
public record EventClause(List<String> severities, List<String> statuses, List<String> sources,
		@Nullable Duration window, boolean ofCis, @Nullable Integer top) {

	EventClause(List<String> severities, List<String> statuses, List<String> sources, @Nullable Duration window,
			boolean ofCis) {
		this(severities, statuses, sources, window, ofCis, null);
	}

	public EventClause {
		severities = List.copyOf(severities);
		statuses = List.copyOf(statuses);
		sources = List.copyOf(sources);
	}

}
