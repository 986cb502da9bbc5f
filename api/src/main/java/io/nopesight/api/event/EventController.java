package io.nopesight.api.event;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;
import io.nopesight.correlation.Event;
import io.nopesight.correlation.EventCorrelations;
import io.nopesight.correlation.EventIntake;
import io.nopesight.correlation.EventQuery;
import io.nopesight.correlation.EventSort;
import io.nopesight.correlation.EventStatus;
import io.nopesight.correlation.Events;
import io.nopesight.correlation.Severity;

/**
 * Events: intake, the event list, one event with its history, status changes, and its correlations.
 */
@Tag(name = "Events")
@RestController
class EventController {

	private final Events events;

	EventController(Events events) {
		this.events = events;
	}

	@PostMapping("/v1/events")
	@RequiredScope("events.write")
	@Operation(summary = "Report an event",
			description = "201 with the new event, or 200 with the open event it duplicates (`deduplicated`: true, "
					+ "`matched_on`: `source_id` or `fingerprint`), whose `count` grew.")
	ResponseEntity<EventResponse> create(@RequestBody EventRequest request) {
		EventIntake intake = this.events.submit(request.toNew(), CurrentPrincipal.owner());
		EventResponse body = EventResponse.of(intake.event(), null, intake.duplicate(), intake.matchedOn());
		if (intake.duplicate()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create("/v1/events/" + intake.event().id())).body(body);
	}

	@PostMapping("/v1/events/batch")
	@RequiredScope("events.write")
	@Operation(summary = "Report many events at once",
			description = "Up to 1 000 events, each as `POST /v1/events` takes one, in one transaction: all are "
					+ "taken or, when one is wrong, none (400 naming it by position, `[3].severity`). The answer "
					+ "lists each event's id and whether it was a duplicate, in the order sent.")
	BatchResponse createAll(@RequestBody List<EventRequest> requests) {
		List<EventIntake> intakes = this.events.submitAll(requests.stream().map(EventRequest::toNew).toList(),
				CurrentPrincipal.owner());
		List<BatchResponse.Taken> taken = intakes.stream()
			.map((intake) -> new BatchResponse.Taken(intake.event().id(), intake.duplicate(), intake.matchedOn()))
			.toList();
		int duplicates = (int) intakes.stream().filter(EventIntake::duplicate).count();
		return new BatchResponse(intakes.size() - duplicates, duplicates, taken);
	}

	@GetMapping("/v1/events")
	@RequiredScope("events.read")
	ResponseEntity<PageResponse<EventResponse>> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(name = "ci_id", required = false) @Nullable String ciId,
			@RequestParam(name = "incident_id", required = false) @Nullable String incidentId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		List<FieldError> errors = new ArrayList<>();
		EventStatus eventStatus = choice(status, "status", EventStatus::fromValue, "open, acknowledged, resolved",
				errors);
		Severity eventSeverity = choice(severity, "severity", Severity::fromValue, "critical, high, medium, low",
				errors);
		EventSort eventSort = choice(sort, "sort", EventSort::fromValue, "created_at, updated_at, severity", errors);
		Instant fromInstant = instant("from", from, errors);
		Instant toInstant = instant("to", to, errors);
		boolean descending = descending(order, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		EventQuery query = new EventQuery(eventStatus, eventSeverity, blankToNull(source), blankToNull(ciId),
				fromInstant, toInstant, blankToNull(search), blankToNull(incidentId),
				(eventSort != null) ? eventSort : EventSort.CREATED_AT, descending, page, limit);
		return PageResponse.of(this.events.list(query), EventResponse::from);
	}

	@GetMapping("/v1/events/{id}")
	@RequiredScope("events.read")
	EventResponse get(@PathVariable String id) {
		Event event = this.events.get(id);
		return EventResponse.of(event, this.events.history(id), null, null);
	}

	@PatchMapping("/v1/events/{id}/status")
	@RequiredScope("events.write")
	@Operation(summary = "Acknowledge or resolve an event",
			description = "`open` → `acknowledged` or `resolved`; `acknowledged` → `resolved` or back to `open`. "
					+ "`resolved` is final (409): a recurrence is a new event. Resolving an incident's last open "
					+ "event resolves the incident.")
	EventResponse changeStatus(@PathVariable String id, @RequestBody StatusRequest request) {
		if (request.status() == null || request.status().isBlank()) {
			throw new InvalidInputException("status", "status is required: acknowledged, resolved or open");
		}
		EventStatus to = EventStatus.fromValue(request.status())
			.orElseThrow(() -> new InvalidInputException("status",
					"Invalid status '" + request.status() + "': use acknowledged, resolved or open"));
		this.events.changeStatus(id, to, (request.comment() != null) ? request.comment() : "", CurrentPrincipal.owner());
		return get(id);
	}

	@GetMapping("/v1/events/{id}/correlations")
	@RequiredScope("events.read")
	@Operation(summary = "The events correlated with this one, and the likely root cause",
			description = "`correlation_score` is the pair model's probability that the two events are one "
					+ "incident; `correlation_type` is duplicate, topological, textual or temporal.")
	CorrelationsResponse correlations(@PathVariable String id) {
		EventCorrelations correlations = this.events.correlations(id);
		return CorrelationsResponse.from(correlations);
	}

	record StatusRequest(@Nullable String status, @Nullable String comment) {
	}

	static <T> @Nullable T choice(@Nullable String value, String field,
			Function<String, Optional<T>> parse, String allowed, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		T parsed = parse.apply(value.strip()).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, "Invalid " + field + " '" + value + "': use one of " + allowed));
		}
		return parsed;
	}

	static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant parsed = Timestamps.parse(value).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, Timestamps.invalid(field, value)));
		}
		return parsed;
	}

	private static boolean descending(@Nullable String order, List<FieldError> errors) {
		if (order == null || order.isBlank() || order.equalsIgnoreCase("desc")) {
			return true;
		}
		if (order.toLowerCase(Locale.ROOT).equals("asc")) {
			return false;
		}
		errors.add(new FieldError("order", "Invalid order '" + order + "': use asc or desc"));
		return true;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
