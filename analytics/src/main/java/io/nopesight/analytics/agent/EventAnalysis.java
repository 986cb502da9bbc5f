package io.nopesight.analytics.agent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Event Analyst's answer: the open (and acknowledged) incidents, worst first, each with its likely root
 * cause; and over the window {@code [from, to)}, the sources and CIs that sent the most events.
 */
public record EventAnalysis(String summary, List<IncidentFinding> details, @Nullable Double confidence,
		String reasoning, Understood understood, Instant from, Instant to, int openIncidents,
		List<NoiseCount> noisiestSources, List<NoiseCount> noisiestCis, long eventsCounted)
		implements AgentResponse {

	public EventAnalysis {
		details = List.copyOf(details);
		noisiestSources = List.copyOf(noisiestSources);
		noisiestCis = List.copyOf(noisiestCis);
	}

	/**
	 * An incident and its likely root cause (null when the ranking has none).
	 */
	public record IncidentFinding(String incidentId, String title, String status, String severity,
			Instant startedAt, int eventCount, int affectedCis, @Nullable RootCause rootCause) {
	}

	/**
	 * The CI ranked first as an incident's cause, how sure the ranking is, and its explanation.
	 */
	public record RootCause(String ciId, String name, String type, double confidence, String explanation) {
	}

	/**
	 * A source or CI and what it sent in the window: distinct events, occurrences (duplicates included), the
	 * worst severity and its share of all occurrences.
	 */
	public record NoiseCount(String key, String name, long events, long occurrences, String worstSeverity,
			double share) {
	}

}
