package io.nopesight.api.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.CorrelatedEvent;
import io.nopesight.correlation.EventCorrelations;

/**
 * The reference's answer to {@code GET /v1/events/{id}/correlations}, with the incident the events are in.
 */
record CorrelationsResponse(String primaryEvent, @Nullable String incidentId, List<Correlated> correlatedEvents,
		@Nullable RootCause suggestedRootCause) {

	static CorrelationsResponse from(EventCorrelations correlations) {
		RootCause root = (correlations.suggestedRootCause() != null)
				? new RootCause(correlations.suggestedRootCause().ciId(), correlations.suggestedRootCause().ciName(),
						correlations.suggestedRootCause().confidence(), correlations.suggestedRootCause().explanation())
				: null;
		return new CorrelationsResponse(correlations.primaryEvent(), correlations.incidentId(),
				correlations.correlated().stream().map(Correlated::from).toList(), root);
	}

	/**
	 * One correlated event.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Correlated(String id, double correlationScore, String correlationType, String reason, String title) {

		static Correlated from(CorrelatedEvent event) {
			return new Correlated(event.id(), event.score(), event.type().value(), event.reason(), event.title());
		}

	}

	/**
	 * The likely root cause of the events' incident.
	 */
	record RootCause(String ciId, String ciName, double confidence, String explanation) {
	}

}
