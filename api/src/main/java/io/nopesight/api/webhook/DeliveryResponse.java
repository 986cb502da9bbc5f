package io.nopesight.api.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.webhook.WebhookDelivery;

/**
 * One message to a webhook and how its attempts went; {@code id} is the {@code webhook-id} header it is sent with.
 */
record DeliveryResponse(String id, String webhookId, String event, String status, int attempts,
		@Nullable Integer responseCode, @Nullable Long latencyMs, @Nullable String lastError,
		@Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant finishedAt) {

	static DeliveryResponse from(WebhookDelivery delivery) {
		return new DeliveryResponse(delivery.id(), delivery.endpointId(), delivery.eventType(), delivery.status(),
				delivery.attempts(), delivery.responseCode(), delivery.latencyMs(), delivery.lastError(),
				delivery.nextAttemptAt(), delivery.createdAt(), delivery.finishedAt());
	}

}
