package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.TopologyNode;
import io.nopesight.correlation.TopologyDistances.Relation;

/**
 * Says why two events are correlated, as the pair model sees them, in words a person can check against the
 * CMDB ("PROD-DB-03 is depended on by PROD-APP-07, which alerted 3 min later").
 */
@Component
class CorrelationReasons {

	private final TopologyDistances distances;

	private final PairModels models;

	CorrelationReasons(TopologyDistances distances, PairModels models) {
		this.distances = distances;
		this.models = models;
	}

	/**
	 * {@code other} as correlated with {@code primary}, both of one incident whose latest event before
	 * {@code primary} was at {@code previous}.
	 */
	CorrelatedEvent explain(Event primary, Event other, Instant previous) {
		Relation relation = this.distances.relation(primary.affectedCis(), other.affectedCis());
		double minutes = minutes(primary.createdAt(), other.createdAt());
		// as when the event was placed: an upstream failure explains what follows while its incident goes on
		boolean otherIsUpstream = relation.kind() == Relation.Kind.DOWNSTREAM || relation.kind() == Relation.Kind.SAME;
		if (otherIsUpstream && !other.createdAt().isAfter(primary.createdAt())) {
			minutes = Math.min(minutes, minutes(previous, primary.createdAt()));
		}
		Set<String> a = EventTokens.of(primary.title(), names(primary.affectedCis()));
		Set<String> b = EventTokens.of(other.title(), names(other.affectedCis()));
		double similarity = EventTokens.similarity(a, b);
		double score = this.models.current().probability(PairModel.features(relation, minutes, similarity));
		CorrelationType type = type(primary, other, relation, similarity);
		String reason = reason(primary, other, relation, type, a, b);
		return new CorrelatedEvent(other.id(), Math.round(score * 1000) / 1000.0, type, reason, other.title(),
				other.incidentId());
	}

	private static CorrelationType type(Event primary, Event other, Relation relation, double similarity) {
		if (relation.kind() == Relation.Kind.SAME && EventTokens.normalisedTitle(primary.title())
			.equals(EventTokens.normalisedTitle(other.title()))) {
			return CorrelationType.DUPLICATE;
		}
		if (relation.kind() != Relation.Kind.NONE) {
			return CorrelationType.TOPOLOGICAL;
		}
		return (similarity >= 0.5) ? CorrelationType.TEXTUAL : CorrelationType.TEMPORAL;
	}

	private String reason(Event primary, Event other, Relation relation, CorrelationType type, Set<String> a,
			Set<String> b) {
		String when = when(primary.createdAt(), other.createdAt());
		return switch (type) {
			case DUPLICATE -> "The same alert on " + name(relation.a()) + " again, " + when;
			case TOPOLOGICAL -> topological(relation, when);
			case TEXTUAL -> "A similar alert (" + String.join(" ", common(a, b)) + ") " + when;
			case TEMPORAL -> "Grouped with it by a person; it alerted " + when;
		};
	}

	private String topological(Relation relation, String when) {
		String mine = name(relation.a());
		String theirs = name(relation.b());
		return switch (relation.kind()) {
			case SAME -> "Also on " + mine + ", " + when;
			case UPSTREAM -> link(relation.a(), relation.b()) + ", which alerted " + when;
			case DOWNSTREAM -> link(relation.b(), relation.a()) + "; " + theirs + " alerted " + when;
			case SIBLING -> mine + " and " + theirs + " both depend on " + name(relation.via()) + "; " + theirs
					+ " alerted " + when;
			case NONE -> theirs + " alerted " + when;
		};
	}

	// how failure runs from upstream to downstream, as the relationships were made
	private String link(String upstream, String downstream) {
		List<ImpactLink> path = this.distances.topology().path(upstream, downstream, this.distances.maxDepth());
		if (path.size() == 1) {
			ImpactLink link = path.get(0);
			String up = name(upstream);
			String down = name(downstream);
			return switch (link.relationshipType()) {
				case "depends_on" -> up + " is depended on by " + down;
				case "runs_on", "hosted_on" -> up + " hosts " + down;
				case "installed_on" -> up + " has " + down + " installed";
				case "connected_to" -> up + " connects " + down;
				case "uses" -> up + " is used by " + down;
				default -> up + " is upstream of " + down;
			};
		}
		StringBuilder way = new StringBuilder(name(upstream));
		path.forEach((link) -> way.append(" → ").append(name(link.downstream())));
		return name(upstream) + " is upstream of " + name(downstream) + " (" + way + ")";
	}

	private static String when(Instant primary, Instant other) {
		long seconds = Duration.between(primary, other).getSeconds();
		long minutes = Math.round(Math.abs(seconds) / 60.0);
		if (minutes == 0) {
			return "within the same minute";
		}
		return minutes + " min " + ((seconds > 0) ? "later" : "earlier");
	}

	private String name(String ci) {
		return (ci == null) ? "?" : this.distances.topology().node(ci).map(TopologyNode::name).orElse(ci);
	}

	private List<String> names(List<String> cis) {
		return cis.stream().map(this::name).toList();
	}

	private static double minutes(Instant a, Instant b) {
		return Math.abs(Duration.between(a, b).toMillis()) / 60_000.0;
	}

	private static List<String> common(Set<String> a, Set<String> b) {
		TreeSet<String> words = new TreeSet<>(a);
		words.retainAll(b);
		return List.copyOf(words);
	}

}
