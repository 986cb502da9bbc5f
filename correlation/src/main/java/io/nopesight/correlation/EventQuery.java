package io.nopesight.correlation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A page of events: every filter is optional and they combine; {@code from} is inclusive and {@code to}
 * exclusive, on {@code createdAt}; {@code search} matches words of the title and description.
 */
public record EventQuery(@Nullable EventStatus status, @Nullable Severity severity, @Nullable String source,
		@Nullable String ciId, @Nullable Instant from, @Nullable Instant to, @Nullable String search,
		@Nullable String incidentId, EventSort sort, boolean descending, int page, int limit) {

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
