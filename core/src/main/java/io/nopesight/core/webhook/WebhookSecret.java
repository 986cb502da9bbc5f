package io.nopesight.core.webhook;

/**
 * An endpoint with its signing secret ({@code whsec_...}), shown once: at registration and rotation.
 */
public record WebhookSecret(WebhookEndpoint endpoint, String secret) {
}
