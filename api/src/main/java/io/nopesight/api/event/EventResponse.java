package io.nopesight.api.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.Event;
import io.nopesight.correlation.EventStatusChange;

/**
 * An event as the API shows it. {@code status_history} comes with a single event; {@code deduplicated} and
 * {@code matched_on} with the answer to {@code POST /v1/events}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventResponse(String id, String title, @Nullable String description, String severity, String status,
		String source, @Nullable String sourceId, String fingerprint, List<String> affectedCis,
		Map<String, @Nullable Object> metrics, Map<String, @Nullable Object> labels,
		Map<String, @Nullable Object> annotations, int count, @Nullable String incidentId, Instant createdAt,
		Instant lastSeen, Instant updatedAt, Instant receivedAt, @Nullable Instant resolvedAt, @Nullable String createdBy,
		@Nullable List<StatusChange> statusHistory, @Nullable Boolean deduplicated, @Nullable String matchedOn) {

	static EventResponse from(Event event) {
		return of(event, null, null, null);
	}

	static EventResponse of(Event event, @Nullable List<EventStatusChange> history, @Nullable Boolean deduplicated,
			@Nullable String matchedOn) {
		return new EventResponse(event.id(), event.title(), event.description(), event.severity().value(),
				event.status().value(), event.source(), event.sourceId(), event.fingerprint(), event.affectedCis(),
				event.metrics(), event.labels(), event.annotations(), event.count(), event.incidentId(),
				event.createdAt(), event.lastSeen(), event.updatedAt(), event.receivedAt(), event.resolvedAt(),
				event.createdBy(), (history != null) ? history.stream().map(StatusChange::from).toList() : null,
				deduplicated, matchedOn);
	}

	/**
	 * One step of the status history.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StatusChange(@Nullable String from, String to, @Nullable String comment, @Nullable String actor,
			Instant at) {

		static StatusChange from(EventStatusChange change) {
			return new StatusChange((change.from() != null) ? change.from().value() : null, change.to().value(),
					change.comment(), change.actor(), change.at());
		}

	}

}
