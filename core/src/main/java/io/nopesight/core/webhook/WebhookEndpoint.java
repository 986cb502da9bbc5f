package io.nopesight.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A registered receiver of events; {@code disabledReason} says why delivery stopped on its own (the
 * receiver answered 410, or failed for too long), {@code failingSince} since when every attempt failed.
 */
public record WebhookEndpoint(String id, String name, String url, List<String> events, Map<String, String> headers,
		boolean active, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt,
		Instant updatedAt) {
}
