package io.nopesight.correlation;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.JdbcIncidentRepository.IncidentRow;

/**
 * What an incident's own fields say of its events: its title (its likely cause's alert, and how many
 * events), worst severity, span, CIs (in the order they alerted), whether every event is resolved, and its
 * ranked root-cause candidates.
 */
final class IncidentDigest {

	private final RootCauseRanking ranking;

	IncidentDigest(RootCauseRanking ranking) {
		this.ranking = ranking;
	}

	IncidentRow row(String id, List<Part> events) {
		List<Part> inOrder = events.stream().sorted(Comparator.comparing(Part::at)).toList();
		List<RootCauseCandidate> candidates = this.ranking
			.rank(inOrder.stream().map((e) -> new RootCauseRanking.Member(e.cis(), e.at(), e.severity(), e.title())).toList());
		RootCauseCandidate top = candidates.isEmpty() ? null : candidates.get(0);
		Severity severity = inOrder.stream().map(Part::severity).reduce(Severity.LOW, Severity::worst);
		boolean allResolved = inOrder.stream().allMatch((e) -> e.status() == EventStatus.RESOLVED);
		Set<String> cis = new LinkedHashSet<>();
		inOrder.forEach((e) -> cis.addAll(e.cis()));
		Instant first = inOrder.isEmpty() ? Instant.EPOCH : inOrder.get(0).at();
		Instant last = inOrder.isEmpty() ? Instant.EPOCH : inOrder.get(inOrder.size() - 1).at();
		return new IncidentRow(id, title(inOrder, top), allResolved ? IncidentStatus.RESOLVED : IncidentStatus.OPEN,
				severity, first, last, inOrder.size(), List.copyOf(cis), (top != null) ? top.ciId() : null,
				(top != null) ? top.confidence() : null, candidates);
	}

	private static String title(List<Part> events, @Nullable RootCauseCandidate top) {
		if (events.isEmpty()) {
			return "No events";
		}
		if (events.size() == 1 || top == null) {
			return events.get(0).title();
		}
		String cause = events.stream()
			.filter((e) -> e.cis().contains(top.ciId()))
			.max(Comparator.comparing(Part::severity).thenComparing(Part::at, Comparator.reverseOrder()))
			.map(Part::title)
			.orElse("Alerts downstream of " + top.ciName());
		return cause + " (" + events.size() + " events)";
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
