package io.nopesight.correlation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.correlation.EventCorrelations.SuggestedRootCause;
import io.nopesight.correlation.JdbcEventRepository.Duplicate;
import io.nopesight.correlation.JdbcEventRepository.StoredEvent;

@Service
class DefaultEvents implements Events {

	private static final int MAX_TITLE = 500;

	private static final int MAX_TEXT = 10_000;

	private static final int MAX_KEY = 200;

	private static final int MAX_CIS = 100;

	private static final int MAX_BATCH = 1000;

	// a clock a few minutes ahead at the sender is fine; an event dated next week is a mistake
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private final JdbcEventRepository events;

	private final JdbcIncidentRepository incidents;

	private final DomainEventOutbox outbox;

	private final Topology topology;

	private final CiReferences ciReferences;

	private final Correlator correlator;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CorrelationReasons reasons;

	DefaultEvents(JdbcEventRepository events, JdbcIncidentRepository incidents, DomainEventOutbox outbox,
			Topology topology, CiReferences ciReferences, Correlator correlator, TransactionTemplate transactions, Clock clock,
			CorrelationReasons reasons) {
		this.events = events;
		this.incidents = incidents;
		this.outbox = outbox;
		this.topology = topology;
		this.ciReferences = ciReferences;
		this.correlator = correlator;
		this.transactions = transactions;
		this.clock = clock;
		this.reasons = reasons;
	}

	@Override
	public EventIntake submit(NewEvent event, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		StoredEvent stored = validate(event, now);
		EventIntake intake = this.transactions.execute((status) -> store(stored, now, actor));
		if (!intake.duplicate()) {
			this.correlator.wake();
		}
		return intake;
	}

	@Override
	public List<EventIntake> submitAll(List<NewEvent> batch, String actor) {
		if (batch.isEmpty() || batch.size() > MAX_BATCH) {
			throw new InvalidInputException("body", "send 1 to " + MAX_BATCH + " events at a time");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<StoredEvent> stored = new ArrayList<>(batch.size());
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			try {
				stored.add(validate(batch.get(i), now));
			}
			catch (InvalidInputException ex) {
				String at = "[" + i + "].";
				ex.errors().forEach((error) -> errors.add(new FieldError(at + error.field(), error.error())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<EventIntake> intakes = this.transactions.execute((status) -> storeAll(stored, now, actor));
		this.correlator.wake();
		return intakes;
	}

	// one batch for what is new, and one by one for the duplicates, which need their original looked up
	private List<EventIntake> storeAll(List<StoredEvent> batch, Instant now, String actor) {
		boolean[] inserted = this.events.insertAll(batch, now, actor);
		List<EventIntake> intakes = new ArrayList<>(batch.size());
		List<DomainEventOutbox.Event> created = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			StoredEvent event = batch.get(i);
			if (inserted[i]) {
				intakes.add(new EventIntake(stored(event, now, actor), false, null));
				created.add(new DomainEventOutbox.Event("event.created", event.id(), payload(event)));
			}
			else {
				intakes.add(store(event, now, actor));
			}
		}
		this.outbox.publishAll(created);
		return intakes;
	}

	private EventIntake store(StoredEvent event, Instant now, String actor) {
		// a duplicate's original may be resolved between the insert and the count: then it is new after all
		for (int attempt = 0; attempt < 3; attempt++) {
			if (this.events.insert(event, now, actor)) {
				this.events.enqueue(event.id());
				this.outbox.publish("event.created", event.id(), payload(event));
				return new EventIntake(stored(event, now, actor), false, null);
			}
			Optional<Duplicate> original = this.events.activeDuplicate(event.source(), event.sourceId(),
					event.dedupeKey());
			if (original.isPresent()
					&& this.events.countDuplicate(original.get().id(), event.createdAt(), event.metrics(), now)) {
				return new EventIntake(get(original.get().id()), true, original.get().matchedOn());
			}
		}
		throw new ConflictException("The event could not be stored: its duplicate kept changing; send it again");
	}

	// the event as just stored, without reading it back
	private static Event stored(StoredEvent event, Instant now, String actor) {
		return new Event(event.id(), event.title(), event.description(), event.severity(), event.status(),
				event.source(), event.sourceId(), event.fingerprint(), event.affectedCis(), event.metrics(),
				event.labels(), event.annotations(), 1, event.createdAt(), event.createdAt(), now, now,
				(event.status() == EventStatus.RESOLVED) ? now : null, actor, null);
	}

	@Override
	public Event get(String id) {
		return this.events.findById(id).orElseThrow(() -> new EventNotFoundException(id));
	}

	@Override
	public List<EventStatusChange> history(String id) {
		get(id);
		return this.events.history(id);
	}

	@Override
	public Page<Event> list(EventQuery query) {
		long total = this.events.count(query);
		List<Event> rows = (query.offset() >= total) ? List.of() : this.events.list(query);
		return new Page<>(rows, total, query.page(), query.limit());
	}

	@Override
	public Event changeStatus(String id, EventStatus to, String comment, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.transactions.executeWithoutResult((status) -> {
			this.incidents.takeGroupingLock();
			EventStatus from = this.events.lockStatus(id).orElseThrow(() -> new EventNotFoundException(id));
			EventTransitions.check(id, from, to);
			this.events.changeStatus(id, to, now);
			this.events.recordStatus(id, from, to, blankToNull(comment), actor, now);
			this.outbox.publish("event.status_changed", id,
					Map.of("event", Map.of("id", id, "from", from.value(), "to", to.value())));
			if (to == EventStatus.RESOLVED) {
				resolveIncidentWhenDone(get(id), actor, now);
			}
		});
		return get(id);
	}

	// the last unresolved event of an incident resolved: the incident is over, and takes nothing new
	private void resolveIncidentWhenDone(Event event, String actor, Instant now) {
		String incidentId = event.incidentId();
		if (incidentId == null || !this.events.lockUnresolvedOf(incidentId).isEmpty()) {
			return;
		}
		this.incidents.setStatus(incidentId, IncidentStatus.RESOLVED, actor, now);
		this.incidents.recordActivity(incidentId, "status_changed", actor, now,
				Map.of("to", "resolved", "comment", "its last open event, " + event.id() + ", was resolved"));
		this.incidents.bumpGroupingVersion();
		this.outbox.publish("incident.updated", incidentId,
				Map.of("incident", Map.of("id", incidentId, "status", "resolved")));
	}

	@Override
	public EventCorrelations correlations(String id) {
		Event primary = get(id);
		if (primary.incidentId() == null) {
			return new EventCorrelations(id, null, List.of(), null);
		}
		List<Event> members = this.events.findByIncident(primary.incidentId());
		Instant previous = members.stream()
			.filter((e) -> !e.id().equals(id) && !e.createdAt().isAfter(primary.createdAt()))
			.map(Event::createdAt)
			.max(Comparator.naturalOrder())
			.orElse(primary.createdAt());
		List<CorrelatedEvent> correlated = new ArrayList<>();
		for (Event other : members) {
			if (!other.id().equals(id)) {
				correlated.add(this.reasons.explain(primary, other, previous));
			}
		}
		correlated.sort(Comparator.comparingDouble(CorrelatedEvent::score).reversed().thenComparing(CorrelatedEvent::id));
		List<RootCauseCandidate> candidates = this.incidents.candidates(primary.incidentId());
		SuggestedRootCause root = candidates.isEmpty() ? null
				: new SuggestedRootCause(candidates.get(0).ciId(), candidates.get(0).ciName(),
						candidates.get(0).confidence(), candidates.get(0).explanation());
		return new EventCorrelations(id, primary.incidentId(), correlated, root);
	}

	private StoredEvent validate(NewEvent event, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		String title = text(event.title(), "title", MAX_TITLE, true, errors);
		String description = text(event.description(), "description", MAX_TEXT, false, errors);
		String source = text(event.source(), "source", MAX_KEY, true, errors);
		String sourceId = text(event.sourceId(), "source_id", MAX_KEY, false, errors);
		String fingerprint = text(event.fingerprint(), "fingerprint", MAX_KEY, false, errors);
		Severity severity = null;
		if (event.severity() == null || event.severity().isBlank()) {
			errors.add(new FieldError("severity", "severity is required: critical, high, medium or low"));
		}
		else {
			severity = Severity.fromValue(event.severity()).orElse(null);
			if (severity == null) {
				errors.add(new FieldError("severity",
						"Invalid severity '" + event.severity() + "': use critical, high, medium or low"));
			}
		}
		EventStatus status = EventStatus.OPEN;
		if (event.status() != null && !event.status().isBlank()) {
			status = EventStatus.fromValue(event.status()).orElse(null);
			if (status == null) {
				errors.add(new FieldError("status",
						"Invalid status '" + event.status() + "': use open, acknowledged or resolved"));
			}
		}
		Instant createdAt = (event.createdAt() != null) ? event.createdAt().truncatedTo(ChronoUnit.MICROS) : now;
		if (createdAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
			errors.add(new FieldError("created_at", "created_at " + createdAt + " is in the future"));
		}
		List<String> cis = resolveCis(event.affectedCis(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String derived = fingerprint(source, cis, title);
		String dedupeKey = (fingerprint != null) ? "fp:" + fingerprint : (sourceId == null) ? "fp:" + derived : null;
		return new StoredEvent(Ids.next("evt"), title, description, severity, status, source, sourceId,
				(fingerprint != null) ? fingerprint : derived, dedupeKey, cis, orEmpty(event.metrics()),
				orEmpty(event.labels()), orEmpty(event.annotations()), createdAt);
	}

	private List<String> resolveCis(@Nullable List<String> given, List<FieldError> errors) {
		if (given == null) {
			return List.of();
		}
		if (given.size() > MAX_CIS) {
			errors.add(new FieldError("affected_cis", "at most " + MAX_CIS + " CIs per event"));
			return List.of();
		}
		TreeSet<String> ids = new TreeSet<>();
		for (int i = 0; i < given.size(); i++) {
			String reference = given.get(i);
			String field = "affected_cis[" + i + "]";
			if (reference == null || reference.isBlank()) {
				errors.add(new FieldError(field, "must be a CI id or name"));
				continue;
			}
			List<String> found = this.ciReferences.find(reference.strip());
			if (found.size() == 1) {
				ids.add(found.get(0));
			}
			else if (found.isEmpty()) {
				errors.add(new FieldError(field, "no configuration item has the id or name '" + reference.strip() + "'"));
			}
			else {
				errors.add(new FieldError(field, found.size() + " configuration items are named '" + reference.strip()
						+ "': give its id"));
			}
		}
		return List.copyOf(ids);
	}

	private static @Nullable String text(@Nullable String value, String field, int max, boolean required,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, field + " is required"));
			}
			return null;
		}
		if (value.length() > max) {
			errors.add(new FieldError(field, field + " is longer than " + max + " characters"));
		}
		return value.strip();
	}

	/**
	 * Source, CIs and title without its numbers: the same alert again on the same CIs.
	 */
	static String fingerprint(String source, List<String> cis, String title) {
		String key = source + "|" + String.join(",", cis) + "|" + EventTokens.normalisedTitle(title);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, @Nullable Object> orEmpty(@Nullable Map<String, @Nullable Object> map) {
		return (map != null) ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Map<String, Object> payload(StoredEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		body.put("title", event.title());
		body.put("severity", event.severity().value());
		body.put("status", event.status().value());
		body.put("source", event.source());
		body.put("affected_cis", event.affectedCis());
		return Map.of("event", body);
	}

}
