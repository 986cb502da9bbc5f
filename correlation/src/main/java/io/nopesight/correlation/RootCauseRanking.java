package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.TopologyNode;

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
		if (members.isEmpty()) {
			return List.of();
		}
		Instant start = members.stream().map(Member::at).min(Comparator.naturalOrder()).orElseThrow();
		Map<String, Alerting> alerting = new LinkedHashMap<>();
		Map<String, int[]> reach = new HashMap<>();
		Map<String, Integer> farthest = new HashMap<>();
		Map<String, String> farthestCi = new HashMap<>();
		for (Member member : members) {
			for (String ci : member.cis()) {
				alerting.merge(ci, new Alerting(member.at(), member.severity(), member.title()), Alerting::earlier);
			}
			Map<String, Integer> best = new HashMap<>();
			for (String ci : member.cis()) {
				best.merge(ci, 0, Math::min);
				this.distances.upstreamOf(ci).forEach((ancestor, d) -> best.merge(ancestor, d, Math::min));
			}
			best.forEach((ci, d) -> {
				int[] counts = reach.computeIfAbsent(ci, (k) -> new int[2]);
				counts[0]++;
				counts[1] += d;
				if (d > farthest.getOrDefault(ci, -1)) {
					farthest.put(ci, d);
					farthestCi.put(ci, member.cis().get(0));
				}
			});
		}
		int n = members.size();
		List<Scored> scored = new ArrayList<>();
		reach.forEach((ci, counts) -> {
			Alerting own = alerting.get(ci);
			if (own == null && (counts[0] < 2 || counts[0] * 2 < n)) {
				return;
			}
			double score = REACH * counts[0] / n + DISTANCE * counts[1] / n;
			if (own != null) {
				score += MINUTES_LATE * minutes(start, own.first()) + SEVERITY * own.severity().ordinal();
			}
			else {
				score += DID_NOT_ALERT;
			}
			scored.add(new Scored(ci, score, counts[0], own));
		});
		if (scored.isEmpty()) {
			// events that name no CI: nothing to rank
			return List.of();
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::ci));
		double max = scored.get(0).score();
		double total = scored.stream().mapToDouble((s) -> Math.exp(SHARPNESS * (s.score() - max))).sum();
		List<RootCauseCandidate> ranked = new ArrayList<>();
		for (Scored candidate : scored.subList(0, Math.min(SHOWN, scored.size()))) {
			double confidence = Math.exp(SHARPNESS * (candidate.score() - max)) / total;
			// the way to the farthest alert, for the leading candidates only: it is a walk through the graph
			String wayTo = (ranked.size() < PATHS) ? farthestCi.get(candidate.ci()) : null;
			ranked.add(candidate(candidate, confidence, n, alerting, start, wayTo));
		}
		return ranked;
	}

	private RootCauseCandidate candidate(Scored scored, double confidence, int events, Map<String, Alerting> alerting,
			Instant start, @Nullable String farthest) {
		TopologyNode node = node(scored.ci());
		int reachedCis = (int) alerting.keySet()
			.stream()
			.filter((ci) -> ci.equals(scored.ci()) || this.distances.upstreamOf(ci).containsKey(scored.ci()))
			.count();
		List<String> path = new ArrayList<>(List.of(node.name()));
		if (farthest != null && !farthest.equals(scored.ci())) {
			for (ImpactLink link : this.distances.topology().path(scored.ci(), farthest, this.distances.maxDepth())) {
				path.add(node(link.downstream()).name());
			}
		}
		Alerting own = scored.own();
		String explanation = explanation(node.name(), scored.events(), events, reachedCis, alerting.size(), own,
				start);
		return new RootCauseCandidate(node.id(), node.name(), node.type(), round(confidence), explanation, reachedCis,
				alerting.size(), List.copyOf(path), (own != null) ? own.first() : null,
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
			.append(": ").append(own.title()).append(')')
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

	private record Alerting(Instant first, Severity severity, String title) {

		// the earliest alert of a CI, with the worst severity it reached
		static Alerting earlier(Alerting a, Alerting b) {
			Alerting first = a.first().isAfter(b.first()) ? b : a;
			return new Alerting(first.first(), Severity.worst(a.severity(), b.severity()), first.title());
		}

	}

	private record Scored(String ci, double score, int events, @Nullable Alerting own) {
	}

}
