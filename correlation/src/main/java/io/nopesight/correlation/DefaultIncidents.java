package io.nopesight.correlation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.TopologyNode;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.correlation.IncidentDetail.TimelineEntry;
import io.nopesight.correlation.JdbcIncidentRepository.Activity;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentRow;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentState;

@Service
class DefaultIncidents implements Incidents {

	// labelled pairs kept per correction: enough to learn from, few enough for a merge of large incidents
	private static final int PAIRS_PER_CORRECTION = 50;

	private final JdbcIncidentRepository incidents;

	private final JdbcEventRepository events;

	private final JdbcCorrelationLabelRepository labels;

	private final DomainEventOutbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final IncidentDigest digest;

	private final TopologyDistances distances;

	private final MetricMovements metrics;

	private final PairModels models;

	private final Correlator correlator;

	DefaultIncidents(JdbcIncidentRepository incidents, JdbcEventRepository events,
			JdbcCorrelationLabelRepository labels, DomainEventOutbox outbox, TransactionTemplate transactions,
			Clock clock, IncidentDigest digest, TopologyDistances distances, MetricMovements metrics, PairModels models,
			Correlator correlator) {
		this.incidents = incidents;
		this.events = events;
		this.labels = labels;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
		this.digest = digest;
		this.distances = distances;
		this.metrics = metrics;
		this.models = models;
		this.correlator = correlator;
	}

	@Override
	public Page<Incident> list(IncidentQuery query) {
		long total = this.incidents.count(query);
		List<Incident> rows = (query.offset() >= total) ? List.of() : this.incidents.list(query);
		return new Page<>(rows, total, query.page(), query.limit());
	}

	@Override
	public IncidentDetail get(String id) {
		Incident incident = this.incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
		List<Event> members = this.events.findByIncident(id);
		List<RootCauseCandidate> candidates = new ArrayList<>(this.incidents.candidates(id));
		for (int i = 0; i < Math.min(3, candidates.size()); i++) {
			candidates.set(i, candidates.get(i)
				.withMetricMovedFirst(this.metrics.movedFirst(candidates.get(i).ciId(), incident.startedAt())));
		}
		return new IncidentDetail(incident, members, candidates, timeline(id, members));
	}

	@Override
	public IncidentDetail changeStatus(String id, IncidentStatus to, @Nullable String comment, String actor) {
		Instant now = now();
		this.transactions.executeWithoutResult((status) -> {
			this.incidents.takeGroupingLock();
			IncidentState state = state(id);
			check(id, state.status(), to);
			this.incidents.setStatus(id, to, actor, now);
			EventStatus eventsTo = (to == IncidentStatus.RESOLVED) ? EventStatus.RESOLVED
					: (to == IncidentStatus.ACKNOWLEDGED) ? EventStatus.ACKNOWLEDGED : null;
			List<String> changed = new ArrayList<>();
			if (eventsTo != null) {
				for (Map.Entry<String, EventStatus> event : this.events.lockUnresolvedOf(id)) {
					if (event.getValue() != eventsTo && !(eventsTo == EventStatus.ACKNOWLEDGED
							&& event.getValue() == EventStatus.ACKNOWLEDGED)) {
						this.events.changeStatus(event.getKey(), eventsTo, now);
						this.events.recordStatus(event.getKey(), event.getValue(), eventsTo,
								"with incident " + id + ((comment != null) ? ": " + comment : ""), actor, now);
						changed.add(event.getKey());
					}
				}
			}
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("from", state.status().value());
			detail.put("to", to.value());
			if (comment != null && !comment.isBlank()) {
				detail.put("comment", comment.strip());
			}
			detail.put("events_changed", changed.size());
			this.incidents.recordActivity(id, "status_changed", actor, now, detail);
			this.incidents.bumpGroupingVersion();
			List<DomainEventOutbox.Event> outgoing = new ArrayList<>();
			outgoing.add(new DomainEventOutbox.Event("incident.updated", id,
					Map.of("incident", Map.of("id", id, "status", to.value()))));
			for (String event : changed) {
				outgoing.add(new DomainEventOutbox.Event("event.status_changed", event,
						Map.of("event", Map.of("id", event, "to", eventsTo.value()))));
			}
			this.outbox.publishAll(outgoing);
		});
		this.correlator.wake();
		return get(id);
	}

	@Override
	public IncidentDetail merge(String targetId, List<String> others, String actor) {
		Set<String> absorbed = new LinkedHashSet<>(others);
		absorbed.remove(targetId);
		if (absorbed.isEmpty()) {
			throw new InvalidInputException("incident_ids", "name at least one other incident to merge into " + targetId);
		}
		Instant now = now();
		this.transactions.executeWithoutResult((status) -> {
			this.incidents.takeGroupingLock();
			List<String> all = new ArrayList<>(absorbed);
			all.add(targetId);
			this.incidents.lock(all);
			takesEvents(targetId, state(targetId));
			for (String other : absorbed) {
				IncidentState state = state(other);
				if (state.status() == IncidentStatus.MERGED) {
					throw new ConflictException("Incident " + other + " was already merged into " + state.mergedInto());
				}
			}
			List<Event> target = this.events.findByIncident(targetId);
			for (String other : absorbed) {
				List<Event> moving = this.events.findByIncident(other);
				label(target, moving, true, actor, "merged " + other + " into " + targetId, now);
				this.events.moveAll(other, targetId);
				this.incidents.markMerged(other, targetId, now);
				this.incidents.recordActivity(other, "merged", actor, now, Map.of("into", targetId));
				this.incidents.recordActivity(targetId, "merged", actor, now,
						Map.of("from", other, "events", moving.size()));
				target = new ArrayList<>(target);
				target.addAll(moving);
			}
			this.incidents.markManuallyGrouped(List.of(targetId), now);
			redigest(List.of(targetId), now);
			this.incidents.bumpGroupingVersion();
			List<DomainEventOutbox.Event> outgoing = new ArrayList<>();
			outgoing.add(new DomainEventOutbox.Event("incident.updated", targetId,
					Map.of("incident", Map.of("id", targetId, "merged_from", List.copyOf(absorbed)))));
			absorbed.forEach((other) -> outgoing.add(new DomainEventOutbox.Event("incident.updated", other,
					Map.of("incident", Map.of("id", other, "status", "merged", "merged_into", targetId)))));
			this.outbox.publishAll(outgoing);
		});
		afterCorrection();
		return get(targetId);
	}

	@Override
	public IncidentDetail moveEvent(String eventId, @Nullable String targetId, String actor) {
		Event event = this.events.findById(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
		Instant now = now();
		String into = this.transactions.execute((status) -> {
			this.incidents.takeGroupingLock();
			String from = this.events.findById(eventId).map(Event::incidentId).orElse(null);
			if (targetId != null && targetId.equals(from)) {
				throw new ConflictException("Event " + eventId + " is already in incident " + targetId);
			}
			String destination = (targetId != null) ? targetId : newIncidentFor(event, now);
			List<String> touched = new ArrayList<>();
			touched.add(destination);
			if (from != null) {
				touched.add(from);
			}
			this.incidents.lock(touched);
			if (targetId != null) {
				takesEvents(targetId, state(targetId));
			}
			List<Event> leftBehind = (from != null) ? this.events.findByIncident(from)
				.stream()
				.filter((e) -> !e.id().equals(eventId))
				.toList() : List.of();
			label(List.of(event), leftBehind, false, actor, "moved " + eventId + " out of " + from, now);
			label(List.of(event), (targetId != null) ? this.events.findByIncident(targetId) : List.of(), true, actor,
					"moved " + eventId + " into " + destination, now);
			this.events.moveOne(eventId, destination, now);
			this.incidents.markManuallyGrouped(touched, now);
			if (from != null) {
				this.incidents.recordActivity(from, "event_moved_out", actor, now,
						Map.of("event_id", eventId, "to", destination));
				if (leftBehind.isEmpty()) {
					this.incidents.markMerged(from, destination, now);
				}
			}
			this.incidents.recordActivity(destination, "event_moved_in", actor, now,
					(from != null) ? Map.of("event_id", eventId, "from", from) : Map.of("event_id", eventId));
			redigest((from != null && !leftBehind.isEmpty()) ? List.of(destination, from) : List.of(destination), now);
			this.incidents.bumpGroupingVersion();
			List<DomainEventOutbox.Event> outgoing = new ArrayList<>();
			touched.forEach((id) -> outgoing.add(new DomainEventOutbox.Event("incident.updated", id,
					Map.of("incident", Map.of("id", id, "event_moved", eventId)))));
			this.outbox.publishAll(outgoing);
			return destination;
		});
		afterCorrection();
		return get(into);
	}

	private String newIncidentFor(Event event, Instant now) {
		String id = Ids.next("inc");
		IncidentRow row = this.digest.row(id, List.of(IncidentDigest.Part.of(event)));
		this.incidents.insertAll(List.of(row), now);
		this.outbox.publish("incident.created", id, Map.of("incident", Map.of("id", id, "title", row.title())));
		return id;
	}

	private void redigest(List<String> ids, Instant now) {
		List<IncidentRow> rows = new ArrayList<>();
		for (String id : ids) {
			rows.add(this.digest.row(id, this.events.findByIncident(id).stream().map(IncidentDigest.Part::of).toList()));
		}
		this.incidents.clearCis(ids);
		this.incidents.updateAll(rows, now);
	}

	// each pair of events across the two lists, labelled; their features as the pair model saw them
	private void label(List<Event> these, List<Event> those, boolean same, String actor, String reason, Instant now) {
		int kept = 0;
		for (Event a : these) {
			for (Event b : those) {
				if (kept++ >= PAIRS_PER_CORRECTION) {
					return;
				}
				double minutes = Math.abs(Duration.between(a.createdAt(), b.createdAt()).toMillis()) / 60_000.0;
				double similarity = EventTokens.similarity(EventTokens.of(a.title(), names(a)),
						EventTokens.of(b.title(), names(b)));
				double[] features = PairModel.features(
						this.distances.relation(a.affectedCis(), b.affectedCis()), minutes, similarity);
				this.labels.insert(a.id(), b.id(), same, features, actor, reason, now);
			}
		}
	}

	private void afterCorrection() {
		this.models.refit();
		this.correlator.wake();
	}

	private List<String> names(Event event) {
		return event.affectedCis()
			.stream()
			.map((ci) -> this.distances.topology().node(ci).map(TopologyNode::name).orElse(ci))
			.toList();
	}

	private IncidentState state(String id) {
		IncidentState state = this.incidents.states(List.of(id)).get(id);
		if (state == null) {
			throw new IncidentNotFoundException(id);
		}
		return state;
	}

	private static void takesEvents(String id, IncidentState state) {
		if (state.status() == IncidentStatus.MERGED) {
			throw new ConflictException("Incident " + id + " was merged into " + state.mergedInto()
					+ ": use that one");
		}
		if (state.resolvedAt() != null) {
			throw new ConflictException("Incident " + id + " is resolved and takes no more events");
		}
	}

	private static void check(String id, IncidentStatus from, IncidentStatus to) {
		if (to == IncidentStatus.MERGED) {
			throw new InvalidInputException("status", "an incident is merged with POST /v1/incidents/{id}/merge");
		}
		if (from == IncidentStatus.MERGED) {
			throw new ConflictException("Incident " + id + " was merged into another: change that one");
		}
		if (from == to) {
			throw new ConflictException("Incident " + id + " is already " + from.value());
		}
		if (from == IncidentStatus.RESOLVED) {
			throw new ConflictException("Incident " + id + " is resolved, which is final: new events start a new "
					+ "incident");
		}
	}

	private List<TimelineEntry> timeline(String id, List<Event> members) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (Event event : members) {
			String cis = String.join(", ", names(event));
			entries.add(new TimelineEntry(event.createdAt(), "event",
					event.severity().value() + ": " + event.title() + (cis.isEmpty() ? "" : " (" + cis + ")"), event.id(),
					null, Map.of("source", event.source(), "status", event.status().value())));
		}
		for (Activity activity : this.incidents.activities(id)) {
			Map<String, Object> detail = new LinkedHashMap<>();
			activity.detail().forEach((key, value) -> {
				if (value != null) {
					detail.put(key, value);
				}
			});
			entries.add(new TimelineEntry(activity.at(), activity.kind(), summary(activity), null, activity.actor(),
					detail));
		}
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	private static String summary(Activity activity) {
		Map<String, @Nullable Object> d = activity.detail();
		return switch (activity.kind()) {
			case "status_changed" -> "Status " + d.getOrDefault("from", "?") + " → " + d.get("to")
					+ ((d.get("comment") != null) ? ": " + d.get("comment") : "");
			case "merged" -> (d.get("into") != null) ? "Merged into " + d.get("into")
					: "Took in " + d.get("from") + " (" + d.get("events") + " events)";
			case "event_moved_in" -> "Event " + d.get("event_id") + " moved in"
					+ ((d.get("from") != null) ? " from " + d.get("from") : "");
			case "event_moved_out" -> "Event " + d.get("event_id") + " moved out to " + d.get("to");
			default -> activity.kind();
		};
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
