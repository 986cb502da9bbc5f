package io.nopesight.core.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message to one endpoint and how its attempts went: {@code status} is {@code pending},
 * {@code delivering}, {@code succeeded} or {@code failed} (no attempts left, or the endpoint is gone).
 */
public record WebhookDelivery(String id, String endpointId, String eventType, String status, int attempts,
		@Nullable Integer responseCode, @Nullable Long latencyMs, @Nullable String lastError,
		@Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant finishedAt) {
}
