package io.nopesight.reporting;

import java.util.Date;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.nopesight.correlation.Incident;
import io.nopesight.correlation.RootCauseCandidate;

/**
 * An incident as the events report lists it: when it began, how bad, where it stands, its title, how many events
 * and CIs, and its likely root cause.
 */
record IncidentRow(Date startedAt, String severity, String status, String title, int events, int cis,
		String rootCause) implements ReportRow {

	static IncidentRow of(Incident incident) {
		RootCauseCandidate root = incident.rootCause();
		String cause = (root != null)
				? root.ciName() + String.format(Locale.ROOT, " (%.0f%%)", root.confidence() * 100) : "";
		return new IncidentRow(Date.from(incident.startedAt()), incident.severity().value(), incident.status().value(),
				incident.title(), incident.eventCount(), incident.affectedCis().size(), cause);
	}

	@Override
	public @Nullable Object value(String field) {
		return switch (field) {
			case "started_at" -> this.startedAt;
			case "severity" -> this.severity;
			case "status" -> this.status;
			case "title" -> this.title;
			case "events" -> this.events;
			case "cis" -> this.cis;
			case "root_cause" -> this.rootCause;
			default -> throw new IllegalArgumentException("The incident list has no field '" + field + "'");
		};
	}

}
