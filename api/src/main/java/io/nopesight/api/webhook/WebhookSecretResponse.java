package io.nopesight.api.webhook;

import java.time.Instant;
import java.util.List;

import io.nopesight.core.webhook.WebhookSecret;

/**
 * A webhook with its signing secret, the only time the secret is shown.
 */
record WebhookSecretResponse(String id, String name, String url, List<String> events, boolean active,
		String secret, Instant createdAt) {

	static WebhookSecretResponse from(WebhookSecret created) {
		return new WebhookSecretResponse(created.endpoint().id(), created.endpoint().name(),
				created.endpoint().url(), created.endpoint().events(), created.endpoint().active(), created.secret(),
				created.endpoint().createdAt());
	}

}
