package io.nopesight.api.webhook;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Page;
import io.nopesight.core.webhook.WebhookEndpoint;
import io.nopesight.core.webhook.WebhookManagement;

/**
 * Webhooks: endpoints that receive every change, signed as Standard Webhooks v1 and retried until delivered.
 */
@Tag(name = "Webhooks")
@RestController
class WebhookController {

	private static final String SCOPE = "webhooks.manage";

	private final WebhookManagement webhooks;

	WebhookController(WebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/v1/webhooks")
	@RequiredScope(SCOPE)
	@Operation(summary = "Register a webhook; the answer holds its signing secret, shown this once",
			description = "`name`, `url` (http or https; addresses that are loopback, link-local, private or cloud "
					+ "metadata are refused unless NOPESIGHT_WEBHOOK_ALLOWED_HOSTS names them), `events` (types from "
					+ "`GET /v1/webhooks/event-types`, or wildcards such as `ci.*` and `*`), `headers` to send along "
					+ "(not the `webhook-*` ones), `active` (default true).")
	ResponseEntity<WebhookSecretResponse> create(@RequestBody(required = false) @Nullable WebhookBody body) {
		WebhookSecretResponse created = WebhookSecretResponse.from(this.webhooks.register(required(body).toSpec()));
		return ResponseEntity.created(URI.create("/v1/webhooks/" + created.id())).body(created);
	}

	@GetMapping("/v1/webhooks")
	@RequiredScope(SCOPE)
	@Operation(summary = "List webhooks, oldest first")
	ResponseEntity<PageResponse<WebhookResponse>> list(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		List<WebhookEndpoint> all = this.webhooks.endpoints();
		int from = (int) Math.min((long) (page - 1) * limit, all.size());
		List<WebhookEndpoint> slice = all.subList(from, Math.min(from + limit, all.size()));
		return PageResponse.of(new Page<>(slice, all.size(), page, limit), WebhookResponse::from);
	}

	@GetMapping("/v1/webhooks/event-types")
	@RequiredScope(SCOPE)
	@Operation(summary = "The event types a webhook can follow")
	EventTypesResponse eventTypes() {
		return new EventTypesResponse(this.webhooks.eventTypes());
	}

	@GetMapping("/v1/webhooks/{id}")
	@RequiredScope(SCOPE)
	@Operation(summary = "One webhook")
	WebhookResponse get(@PathVariable String id) {
		return WebhookResponse.from(this.webhooks.endpoint(id));
	}

	@PutMapping("/v1/webhooks/{id}")
	@RequiredScope(SCOPE)
	@Operation(summary = "Replace a webhook's settings; setting `active` again clears why it was disabled")
	WebhookResponse update(@PathVariable String id, @RequestBody(required = false) @Nullable WebhookBody body) {
		return WebhookResponse.from(this.webhooks.update(id, required(body).toSpec()));
	}

	@DeleteMapping("/v1/webhooks/{id}")
	@RequiredScope(SCOPE)
	@Operation(summary = "Remove a webhook and its pending deliveries")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/v1/webhooks/{id}/rotate-secret")
	@RequiredScope(SCOPE)
	@Operation(summary = "A new signing secret; the old one also signs for the next 24 hours")
	WebhookSecretResponse rotateSecret(@PathVariable String id) {
		return WebhookSecretResponse.from(this.webhooks.rotateSecret(id));
	}

	@PostMapping("/v1/webhooks/{id}/test")
	@RequiredScope(SCOPE)
	@Operation(summary = "Send a `webhook.test` message now")
	ResponseEntity<DeliveryResponse> test(@PathVariable String id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryResponse.from(this.webhooks.sendTest(id)));
	}

	@GetMapping("/v1/webhooks/{id}/deliveries")
	@RequiredScope(SCOPE)
	@Operation(summary = "A webhook's deliveries, newest first",
			description = "Each with its `status` (pending, delivering, succeeded, failed), `attempts`, last "
					+ "`response_code`, `latency_ms`, `last_error` and `next_attempt_at`.")
	ResponseEntity<PageResponse<DeliveryResponse>> deliveries(@PathVariable String id,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		return PageResponse.of(this.webhooks.deliveries(id, page, limit), DeliveryResponse::from);
	}

	@PostMapping("/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	@RequiredScope(SCOPE)
	@Operation(summary = "Send a delivery again now, same message and webhook-id, with a fresh set of attempts")
	ResponseEntity<DeliveryResponse> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(DeliveryResponse.from(this.webhooks.redeliver(id, deliveryId)));
	}

	private static WebhookBody required(@Nullable WebhookBody body) {
		if (body == null) {
			throw new InvalidInputException("body", "a JSON body is required, e.g. {\"name\": \"Incidents\", "
					+ "\"url\": \"https://example.com/hooks\", \"events\": [\"incident.*\"]}");
		}
		return body;
	}

	record EventTypesResponse(List<String> data) {
	}

}
