package io.nopesight.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.IncidentTally.Alerting;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentRow;

/**
 * What an incident's own fields say of its events: its title (its likely cause's alert, and how many
 * events), worst severity, span, whether every event is resolved, and its ranked root-cause candidates.
 */
final class IncidentDigest {

	private final RootCauseRanking ranking;

	private final TopologyDistances distances;

	IncidentDigest(RootCauseRanking ranking, TopologyDistances distances) {
		this.ranking = ranking;
		this.distances = distances;
	}

	/**
	 * The incident made of these events, with all of their CIs.
	 */
	IncidentRow row(String id, List<Part> events) {
		IncidentTally tally = IncidentTally.of(this.distances, events);
		return row(id, tally, tally.drainGained());
	}

	/**
	 * The incident as the tally has it, with the CIs it gained since its last row.
	 */
	IncidentRow row(String id, IncidentTally tally) {
		return row(id, tally, tally.drainGained());
	}

	private IncidentRow row(String id, IncidentTally tally, Map<String, Instant> cis) {
		List<RootCauseCandidate> candidates = this.ranking.rank(tally);
		RootCauseCandidate top = candidates.isEmpty() ? null : candidates.get(0);
		return new IncidentRow(id, title(tally, top), tally.allResolved() ? IncidentStatus.RESOLVED : IncidentStatus.OPEN,
				tally.worst(), tally.first(), tally.last(), tally.events(), cis, (top != null) ? top.ciId() : null,
				(top != null) ? top.confidence() : null, candidates);
	}

	// the likely cause's worst alert (the earliest that bad), or the first alert of an incident of one event
	private static String title(IncidentTally tally, @Nullable RootCauseCandidate top) {
		if (tally.events() == 0) {
			return "No events";
		}
		if (tally.events() == 1 || top == null) {
			return tally.firstTitle();
		}
		Alerting cause = tally.alerting().get(top.ciId());
		String title = (cause != null) ? cause.worstTitle() : "Alerts downstream of " + top.ciName();
		return title + " (" + tally.events() + " events)";
	}

	/**
	 * What the digest needs of an event.
	 */
	record Part(List<String> cis, Instant at, Severity severity, EventStatus status, String title) {

		static Part of(Event event) {
			return new Part(event.affectedCis(), event.createdAt(), event.severity(), event.status(), event.title());
		}

	}

}
