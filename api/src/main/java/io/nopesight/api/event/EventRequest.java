package io.nopesight.api.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.correlation.NewEvent;

/**
 * The body of {@code POST /v1/events}: the reference's fields, and for backfills {@code created_at} and
 * {@code status}, and a {@code fingerprint} of the sender's own. {@code affected_cis} are CI ids or names.
 */
record EventRequest(@Nullable String title, @Nullable String description, @Nullable String severity,
		@Nullable String status, @Nullable String source, @Nullable String sourceId, @Nullable String fingerprint,
		@Nullable List<String> affectedCis, @Nullable Map<String, @Nullable Object> metrics,
		@Nullable Map<String, @Nullable Object> labels, @Nullable Map<String, @Nullable Object> annotations,
		@Nullable String createdAt) {

	NewEvent toNew() {
		Instant at = null;
		if (this.createdAt != null && !this.createdAt.isBlank()) {
			at = Timestamps.parse(this.createdAt)
				.orElseThrow(() -> new InvalidInputException("created_at", Timestamps.invalid("created_at", this.createdAt)));
		}
		return new NewEvent(this.title, this.description, this.severity, this.status, this.source, this.sourceId,
				this.fingerprint, this.affectedCis, this.metrics, this.labels, this.annotations, at);
	}

}
