package io.nopesight.correlation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A page of incidents, newest first: incidents that started in {@code [from, to)}, with the given status
 * and severity, touching {@code ciId}, of at least {@code minEvents} events. Merged incidents are listed only
 * when asked for by status.
 */
public record IncidentQuery(@Nullable IncidentStatus status, @Nullable Severity severity, @Nullable Instant from,
		@Nullable Instant to, @Nullable String ciId, int minEvents, int page, int limit) {

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
