package io.nopesight.core.webhook;

import java.util.List;

import io.nopesight.core.Page;

/**
 * Registers webhook endpoints and shows what was delivered to them. Delivery itself runs on every node in
 * the background: each change the outbox carries is sent to every active endpoint whose events match it.
 */
public interface WebhookManagement {

	/**
	 * @throws io.nopesight.core.InvalidInputException when the URL is refused (not http(s), or resolving to a
	 * private address not allowed) or an event type is unknown
	 */
	WebhookSecret register(WebhookEndpointSpec spec);

	List<WebhookEndpoint> endpoints();

	WebhookEndpoint endpoint(String id);

	/**
	 * Replaces the endpoint's settings; re-activating it clears why it was disabled.
	 */
	WebhookEndpoint update(String id, WebhookEndpointSpec spec);

	void delete(String id);

	/**
	 * A new secret; the old one keeps signing beside it for the configured overlap (24 h).
	 */
	WebhookSecret rotateSecret(String id);

	/**
	 * Queues a {@code webhook.test} message to the endpoint, whatever events it follows.
	 */
	WebhookDelivery sendTest(String id);

	Page<WebhookDelivery> deliveries(String id, int page, int limit);

	/**
	 * Sends a delivery again, now, with a fresh set of attempts: the same message (body and webhook-id), so a
	 * receiver that did get it can tell.
	 */
	WebhookDelivery redeliver(String id, String deliveryId);

	List<String> eventTypes();

}
