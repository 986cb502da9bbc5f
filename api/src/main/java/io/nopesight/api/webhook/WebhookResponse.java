package io.nopesight.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.webhook.WebhookEndpoint;

/**
 * A webhook endpoint; {@code disabled_reason} is set when delivery stopped it (410, or failing too long).
 */
record WebhookResponse(String id, String name, String url, List<String> events, Map<String, String> headers,
		boolean active, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt,
		Instant updatedAt) {

	static WebhookResponse from(WebhookEndpoint endpoint) {
		return new WebhookResponse(endpoint.id(), endpoint.name(), endpoint.url(), endpoint.events(),
				endpoint.headers(), endpoint.active(), endpoint.disabledReason(), endpoint.failingSince(),
				endpoint.createdAt(), endpoint.updatedAt());
	}

}
