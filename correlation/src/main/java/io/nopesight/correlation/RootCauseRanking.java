package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.TopologyNode;
import io.nopesight.correlation.IncidentTally.Alerting;
import io.nopesight.correlation.IncidentTally.Reach;

/**
 * Ranks the CIs that may have caused an incident. A candidate is a CI that alerted, or a CI that did not but
 * sits upstream of most of the alerts. It scores by how many of the incident's events its failure reaches
 * (the cause is upstream of the others), how close they are (the nearest common cause, not any distant
 * one), how early it alerted and how badly; the scores become a share of belief across the candidates. The
 * earliest event alone does not decide: a database often alerts after the applications that use it.
 */
final class RootCauseRanking {

	static final int SHOWN = 5;

	private static final int PATHS = 3;

	// the log-linear score's priors: reach dominates, then closeness, then time and severity
	private static final double REACH = 6.0;

	private static final double DISTANCE = -0.5;

	private static final double MINUTES_LATE = -0.05;

	private static final double SEVERITY = 0.3;

	private static final double DID_NOT_ALERT = -1.0;

	// turns score differences into shares of belief; set so that the ranking, right on every incident of the
	// demo estate, says so with a clear majority rather than a plurality
	private static final double SHARPNESS = 2.5;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final TopologyDistances distances;

	RootCauseRanking(TopologyDistances distances) {
		this.distances = distances;
	}

	List<RootCauseCandidate> rank(Collection<Member> members) {
		return rank(IncidentTally.of(this.distances, members.stream()
			.map((m) -> new IncidentDigest.Part(m.cis(), m.at(), m.severity(), EventStatus.OPEN, m.title()))
			.toList()));
	}

	List<RootCauseCandidate> rank(IncidentTally tally) {
		int n = tally.events();
		Instant start = tally.first();
		List<Scored> scored = new ArrayList<>();
		tally.reach().forEach((ci, reach) -> {
			Alerting own = tally.alerting().get(ci);
			if (own == null && (reach.events < 2 || reach.events * 2 < n)) {
				return;
			}
			double score = REACH * reach.events / n + DISTANCE * reach.distances / n;
			if (own != null) {
				score += MINUTES_LATE * minutes(start, own.first()) + SEVERITY * own.severity().ordinal();
			}
			else {
				score += DID_NOT_ALERT;
			}
			scored.add(new Scored(ci, score, reach, own));
		});
		if (scored.isEmpty()) {
			// no events, or events that name no CI: nothing to rank
			return List.of();
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::ci));
		double max = scored.get(0).score();
		double total = scored.stream().mapToDouble((s) -> Math.exp(SHARPNESS * (s.score() - max))).sum();
		List<RootCauseCandidate> ranked = new ArrayList<>();
		for (Scored candidate : scored.subList(0, Math.min(SHOWN, scored.size()))) {
			double confidence = Math.exp(SHARPNESS * (candidate.score() - max)) / total;
			// the way to the farthest alert, for the leading candidates only: it is a walk through the graph
			String wayTo = (ranked.size() < PATHS) ? candidate.reach().farthestCi : null;
			ranked.add(candidate(candidate, confidence, n, tally.alerting().size(), start, wayTo));
		}
		return ranked;
	}

	private RootCauseCandidate candidate(Scored scored, double confidence, int events, int alertingCis, Instant start,
			@Nullable String farthest) {
		TopologyNode node = node(scored.ci());
		int reachedCis = scored.reach().alertingCis;
		List<String> path = new ArrayList<>(List.of(node.name()));
		if (farthest != null && !farthest.equals(scored.ci())) {
			for (ImpactLink link : this.distances.topology().path(scored.ci(), farthest, this.distances.maxDepth())) {
				path.add(node(link.downstream()).name());
			}
		}
		Alerting own = scored.own();
		String explanation = explanation(node.name(), scored.reach().events, events, reachedCis, alertingCis, own,
				start);
		return new RootCauseCandidate(node.id(), node.name(), node.type(), round(confidence), explanation, reachedCis,
				alertingCis, List.copyOf(path), (own != null) ? own.first() : null,
				(own != null) ? round(minutes(start, own.first())) : null, (own != null) ? own.severity() : null, null);
	}

	private static String explanation(String name, int reached, int events, int reachedCis, int alertingCis,
			@Nullable Alerting own, Instant start) {
		StringBuilder text = new StringBuilder(name);
		if (reachedCis == alertingCis) {
			text.append(" is upstream of every alerting CI (").append(reached).append(" of ").append(events)
				.append(" events)");
		}
		else {
			text.append(" is upstream of ").append(reachedCis).append(" of the ").append(alertingCis)
				.append(" alerting CIs (").append(reached).append(" of ").append(events).append(" events)");
		}
		if (own == null) {
			return text.append(" but did not alert itself").toString();
		}
		double late = minutes(start, own.first());
		text.append(late < 0.5 ? " and alerted first" : " and alerted " + Math.round(late) + " min after the first alert");
		return text.append(" at ").append(CLOCK.format(own.first())).append(" UTC (").append(own.severity().value())
			.append(": ").append(own.firstTitle()).append(')')
			.toString();
	}

	private TopologyNode node(String ci) {
		return this.distances.topology().node(ci).orElse(new TopologyNode(ci, ci, "unknown"));
	}

	private static double minutes(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 60_000.0;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/**
	 * What the ranking needs of an event.
	 */
	record Member(List<String> cis, Instant at, Severity severity, String title) {
	}

	private record Scored(String ci, double score, Reach reach, @Nullable Alerting own) {
	}

}
