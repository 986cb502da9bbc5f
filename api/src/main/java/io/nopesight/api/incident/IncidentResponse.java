package io.nopesight.api.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;
import io.nopesight.correlation.Event;
import io.nopesight.correlation.Incident;
import io.nopesight.correlation.IncidentDetail;
import io.nopesight.correlation.RootCauseCandidate;

/**
 * An incident as the API shows it; a single one also carries its events, its ranked root-cause candidates
 * with their evidence, and its timeline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentResponse(String id, String title, String status, String severity, Instant startedAt,
		Instant lastEventAt, int eventCount, List<CiRef> affectedCis, @Nullable RootCause rootCause,
		@Nullable String mergedInto, boolean manuallyGrouped, Instant createdAt, Instant updatedAt,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Instant resolvedAt,
		@Nullable String resolvedBy, @Nullable List<EventRow> events,
		@Nullable List<Candidate> rootCauseCandidates, @Nullable List<Timeline> timeline) {

	static IncidentResponse from(Incident incident, Topology topology) {
		return of(incident, topology, null, null, null);
	}

	static IncidentResponse from(IncidentDetail detail, Topology topology) {
		return of(detail.incident(), topology, detail.events().stream().map((e) -> EventRow.from(e, topology)).toList(),
				detail.rootCauseCandidates().stream().map(Candidate::from).toList(),
				detail.timeline().stream().map(Timeline::from).toList());
	}

	private static IncidentResponse of(Incident incident, Topology topology, @Nullable List<EventRow> events,
			@Nullable List<Candidate> candidates, @Nullable List<Timeline> timeline) {
		RootCauseCandidate top = incident.rootCause();
		return new IncidentResponse(incident.id(), incident.title(), incident.status().value(),
				incident.severity().value(), incident.startedAt(), incident.lastEventAt(), incident.eventCount(),
				incident.affectedCis().stream().map((id) -> CiRef.of(id, topology)).toList(),
				(top != null) ? new RootCause(top.ciId(), top.ciName(), top.confidence(), top.explanation()) : null,
				incident.mergedInto(), incident.manuallyGrouped(), incident.createdAt(), incident.updatedAt(),
				incident.acknowledgedAt(), incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(),
				events, candidates, timeline);
	}

	/**
	 * A CI named by id, name and type.
	 */
	record CiRef(String id, String name, String type) {

		static CiRef of(String id, Topology topology) {
			TopologyNode node = topology.node(id).orElse(new TopologyNode(id, id, "unknown"));
			return new CiRef(node.id(), node.name(), node.type());
		}

	}

	/**
	 * The most likely root cause.
	 */
	record RootCause(String ciId, String ciName, double confidence, String explanation) {
	}

	/**
	 * A root-cause candidate with its evidence.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Candidate(String ciId, String ciName, String ciType, double confidence, String explanation,
			Evidence evidence) {

		static Candidate from(RootCauseCandidate candidate) {
			RootCauseCandidate.MetricMovement moved = candidate.metricMovedFirst();
			return new Candidate(candidate.ciId(), candidate.ciName(), candidate.ciType(), candidate.confidence(),
					candidate.explanation(),
					new Evidence(candidate.reaches(), candidate.alertingCis(), candidate.path(), candidate.firstAlertAt(),
							candidate.minutesAfterStart(),
							(candidate.severity() != null) ? candidate.severity().value() : null,
							(moved != null) ? new MetricMoved(moved.metric(), moved.at(), moved.before(), moved.after())
									: null));
		}

	}

	/**
	 * Why a CI may be the cause: how many of the alerting CIs its failure reaches and the way to the farthest,
	 * when it alerted itself, and which of its metrics moved first.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Evidence(int reachesAlertingCis, int alertingCis, List<String> topologyPath, @Nullable Instant firstAlertAt,
			@Nullable Double minutesAfterStart, @Nullable String severity, @Nullable MetricMoved metricMovedFirst) {
	}

	/**
	 * A metric that left its usual range around the start: from its usual level to the value it reached.
	 */
	record MetricMoved(String metric, Instant at, double usual, double reached) {
	}

	/**
	 * One of the incident's events.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventRow(String id, String title, String severity, String status, String source, @Nullable String sourceId,
			List<CiRef> affectedCis, int count, Instant createdAt) {

		static EventRow from(Event event, Topology topology) {
			return new EventRow(event.id(), event.title(), event.severity().value(), event.status().value(),
					event.source(), event.sourceId(),
					event.affectedCis().stream().map((id) -> CiRef.of(id, topology)).toList(), event.count(),
					event.createdAt());
		}

	}

	/**
	 * One moment of the incident.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Timeline(Instant at, String kind, String summary, @Nullable String eventId, @Nullable String actor,
			Map<String, Object> detail) {

		static Timeline from(IncidentDetail.TimelineEntry entry) {
			return new Timeline(entry.at(), entry.kind(), entry.summary(), entry.eventId(), entry.actor(),
					entry.detail());
		}

	}

}
