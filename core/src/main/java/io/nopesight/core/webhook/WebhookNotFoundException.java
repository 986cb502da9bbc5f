package io.nopesight.core.webhook;

import io.nopesight.core.NotFoundException;

/**
 * Thrown when a webhook endpoint or one of its deliveries does not exist.
 */
public class WebhookNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	WebhookNotFoundException(String what, String id) {
		super(what + " '" + id + "' not found");
	}

}
