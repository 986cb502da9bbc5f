package io.nopesight.analytics.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.agent.EventAnalysis.IncidentFinding;
import io.nopesight.analytics.agent.EventAnalysis.NoiseCount;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.cmdb.CmdbManagement;

/**
 * The Event Analyst's answer from what it found: summary, confidence (the mean confidence of the root causes
 * shown; 1 for counts, which are facts) and reasoning.
 */
final class EventAnswers {

	private EventAnswers() {
	}

	static EventAnalysis analysis(Understood understood, List<IncidentFinding> findings, int open,
			@Nullable NoiseTally noise, Instant from, Instant to, String windowName, CmdbManagement cmdb) {
		List<String> summary = new ArrayList<>();
		List<String> reasoning = new ArrayList<>();
		boolean incidents = understood.intents().contains("incidents");
		if (incidents) {
			summary.add(incidentSummary(findings, open));
			reasoning.add("Open and acknowledged incidents as the correlator grouped them, worst severity first, then "
					+ "the most recent; each one's likely root cause is the candidate the correlation module ranks "
					+ "first (what its failure reaches in the topology, when it alerted, which metric moved first)");
		}
		List<NoiseCount> sources = List.of();
		List<NoiseCount> cis = List.of();
		if (noise != null) {
			sources = noise.topSources();
			cis = noise.topCis((id) -> name(id, cmdb));
			summary.add(noiseSummary(noise, sources, cis, windowName));
			reasoning.add("Every event created from " + from + " to " + to + " counted per source and per affected CI, "
					+ "duplicates included as occurrences" + ((noise.events() >= NoiseTally.MAX_EVENTS)
							? " (the newest " + NoiseTally.MAX_EVENTS + " events)" : ""));
		}
		Double confidence = 1.0;
		if (incidents) {
			double mean = findings.stream()
				.map(IncidentFinding::rootCause)
				.filter(Objects::nonNull)
				.mapToDouble(EventAnalysis.RootCause::confidence)
				.average()
				.orElse(Double.NaN);
			confidence = Double.isNaN(mean) ? confidence : RightSizing.round2(mean);
		}
		return new EventAnalysis(String.join("; ", summary), findings, confidence, String.join(". ", reasoning),
				understood, from, to, open, sources, cis, (noise != null) ? noise.events() : 0);
	}

	private static String incidentSummary(List<IncidentFinding> findings, int open) {
		if (findings.isEmpty()) {
			return "No open incidents";
		}
		IncidentFinding worst = findings.get(0);
		String text = open + " open incident" + ((open == 1) ? "" : "s") + "; the worst, \"" + worst.title() + "\" ("
				+ worst.severity() + ")";
		return (worst.rootCause() != null) ? text + ", is most likely caused by " + worst.rootCause().name() + " ("
				+ Math.round(worst.rootCause().confidence() * 100) + "%)" : text + ", has no ranked root cause yet";
	}

	private static String noiseSummary(NoiseTally noise, List<NoiseCount> sources, List<NoiseCount> cis,
			String windowName) {
		if (noise.events() == 0) {
			return "No events in the " + windowName;
		}
		NoiseCount source = sources.get(0);
		String text = source.name() + " sent the most events in the " + windowName + ": " + source.occurrences() + " of "
				+ noise.occurrences() + " (" + Math.round(source.share() * 100) + "%)";
		return cis.isEmpty() ? text
				: text + "; the noisiest CI is " + cis.get(0).name() + " (" + cis.get(0).occurrences() + ")";
	}

	private static String name(String ciId, CmdbManagement cmdb) {
		try {
			return cmdb.get(ciId).name();
		}
		catch (NotFoundException ex) {
			return ciId;
		}
	}

}
