package io.nopesight.api.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import io.nopesight.core.cmdb.Topology;
import io.nopesight.correlation.IncidentQuery;
import io.nopesight.correlation.IncidentStatus;
import io.nopesight.correlation.Incidents;
import io.nopesight.correlation.Severity;

/**
 * Incidents: the list, one incident, and the corrections people make to the grouping.
 */
@Tag(name = "Incidents")
@RestController
class IncidentController {

	private final Incidents incidents;

	private final Topology topology;

	IncidentController(Incidents incidents, Topology topology) {
		this.incidents = incidents;
		this.topology = topology;
	}

	@GetMapping("/v1/incidents")
	@RequiredScope("events.read")
	@Operation(summary = "List incidents, newest first",
			description = "`from`/`to` bound when they started; `min_events` leaves out incidents of fewer events "
					+ "(2 hides single alerts). Merged incidents are listed only with `status=merged`.")
	ResponseEntity<PageResponse<IncidentResponse>> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(name = "ci_id", required = false) @Nullable String ciId,
			@RequestParam(name = "min_events", defaultValue = "1") int minEvents,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		List<FieldError> errors = new ArrayList<>();
		IncidentStatus incidentStatus = choice(status, "status", IncidentStatus::fromValue,
				"open, acknowledged, resolved, merged", errors);
		Severity incidentSeverity = choice(severity, "severity", Severity::fromValue, "critical, high, medium, low",
				errors);
		Instant fromInstant = instant("from", from, errors);
		Instant toInstant = instant("to", to, errors);
		if (minEvents < 1) {
			errors.add(new FieldError("min_events", "min_events must be at least 1"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		IncidentQuery query = new IncidentQuery(incidentStatus, incidentSeverity, fromInstant, toInstant,
				(ciId != null && !ciId.isBlank()) ? ciId.strip() : null, minEvents, page, limit);
		return PageResponse.of(this.incidents.list(query), (incident) -> IncidentResponse.from(incident, this.topology));
	}

	@GetMapping("/v1/incidents/{id}")
	@RequiredScope("events.read")
	@Operation(summary = "One incident: its events, root-cause candidates with their evidence, and its timeline")
	IncidentResponse get(@PathVariable String id) {
		return IncidentResponse.from(this.incidents.get(id), this.topology);
	}

	@PatchMapping({ "/v1/incidents/{id}", "/v1/incidents/{id}/status" })
	@RequiredScope("events.write")
	@Operation(summary = "Acknowledge or resolve an incident",
			description = "Its events go with it. A resolved incident is final (409) and takes no new events: a "
					+ "recurrence starts a new incident.")
	IncidentResponse changeStatus(@PathVariable String id, @RequestBody StatusRequest request) {
		if (request.status() == null || request.status().isBlank()) {
			throw new InvalidInputException("status", "status is required: acknowledged or resolved");
		}
		IncidentStatus to = IncidentStatus.fromValue(request.status())
			.orElseThrow(() -> new InvalidInputException("status",
					"Invalid status '" + request.status() + "': use acknowledged, resolved or open"));
		return IncidentResponse.from(this.incidents.changeStatus(id, to, request.comment(), CurrentPrincipal.owner()),
				this.topology);
	}

	@PostMapping("/v1/incidents/{id}/merge")
	@RequiredScope("events.write")
	@Operation(summary = "Merge other incidents into this one",
			description = "Their events move here and they become `merged`. The correction is kept as labelled "
					+ "pairs the correlator learns from.")
	IncidentResponse merge(@PathVariable String id, @RequestBody MergeRequest request) {
		if (request.incidentIds() == null || request.incidentIds().isEmpty()) {
			throw new InvalidInputException("incident_ids", "name the incidents to merge into " + id);
		}
		return IncidentResponse.from(this.incidents.merge(id, request.incidentIds(), CurrentPrincipal.owner()),
				this.topology);
	}

	@PostMapping("/v1/incidents/{id}/events")
	@RequiredScope("events.write")
	@Operation(summary = "Move an event into this incident",
			description = "The event stays here: the correlator never moves it again. Kept as labelled pairs.")
	IncidentResponse moveIn(@PathVariable String id, @RequestBody MoveRequest request) {
		if (request.eventId() == null || request.eventId().isBlank()) {
			throw new InvalidInputException("event_id", "event_id is required");
		}
		return IncidentResponse.from(this.incidents.moveEvent(request.eventId().strip(), id, CurrentPrincipal.owner()),
				this.topology);
	}

	@PostMapping("/v1/events/{id}/incident")
	@RequiredScope("events.write")
	@Operation(summary = "Move an event to another incident, or to a new one of its own",
			description = "`{\"incident_id\": \"inc_...\"}` moves it there; `{\"incident_id\": null}` splits it out "
					+ "into a new incident.")
	IncidentResponse move(@PathVariable String id, @RequestBody(required = false) @Nullable TargetRequest request) {
		String target = (request != null && request.incidentId() != null && !request.incidentId().isBlank())
				? request.incidentId().strip() : null;
		return IncidentResponse.from(this.incidents.moveEvent(id, target, CurrentPrincipal.owner()), this.topology);
	}

	record StatusRequest(@Nullable String status, @Nullable String comment) {
	}

	record MergeRequest(@Nullable List<String> incidentIds) {
	}

	record MoveRequest(@Nullable String eventId) {
	}

	record TargetRequest(@Nullable String incidentId) {
	}

	private static <T> @Nullable T choice(@Nullable String value, String field, Function<String, Optional<T>> parse,
			String allowed, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		T parsed = parse.apply(value.strip()).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, "Invalid " + field + " '" + value + "': use one of " + allowed));
		}
		return parsed;
	}

	private static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant parsed = Timestamps.parse(value).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, Timestamps.invalid(field, value)));
		}
		return parsed;
	}

}
