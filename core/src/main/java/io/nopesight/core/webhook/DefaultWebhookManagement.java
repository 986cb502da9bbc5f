package io.nopesight.core.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultWebhookManagement implements WebhookManagement {

	private final JdbcWebhookRepository webhooks;

	private final WebhookUrlGuard guard;

	private final WebhookFanOut fanOut;

	private final WebhookDispatcher dispatcher;

	private final WebhookSettings settings;

	private final Clock clock;

	DefaultWebhookManagement(JdbcWebhookRepository webhooks, WebhookUrlGuard guard, WebhookFanOut fanOut,
			WebhookDispatcher dispatcher, WebhookSettings settings, Clock clock) {
		this.webhooks = webhooks;
		this.guard = guard;
		this.fanOut = fanOut;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public WebhookSecret register(WebhookEndpointSpec spec) {
		validate(spec);
		String id = Ids.next("webhook");
		String secret = WebhookSigner.newSecret();
		this.webhooks.insert(id, spec, secret, this.clock.instant());
		return new WebhookSecret(endpoint(id), secret);
	}

	@Override
	public List<WebhookEndpoint> endpoints() {
		return this.webhooks.all().stream().map((stored) -> stored.endpoint().withHeaderValuesHidden()).toList();
	}

	@Override
	public WebhookEndpoint endpoint(String id) {
		return stored(id).endpoint().withHeaderValuesHidden();
	}

	@Override
	@Transactional
	public WebhookEndpoint update(String id, WebhookEndpointSpec spec) {
		WebhookEndpointSpec replacement = withStoredValues(spec, stored(id).endpoint().headers());
		validate(replacement);
		if (!this.webhooks.update(id, replacement, this.clock.instant())) {
			throw new WebhookNotFoundException("Webhook", id);
		}
		return endpoint(id);
	}

	// a client that read the endpoint and sends it back with one change keeps the header values it never saw
	private static WebhookEndpointSpec withStoredValues(WebhookEndpointSpec spec, Map<String, String> stored) {
		Map<String, String> headers = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		spec.headers().forEach((name, value) -> {
			if (!WebhookEndpoint.HIDDEN_VALUE.equals(value)) {
				headers.put(name, value);
			}
			else if (stored.containsKey(name)) {
				headers.put(name, stored.get(name));
			}
			else {
				errors.add(new FieldError("headers", "Header '" + name + "' is new: give its value"));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new WebhookEndpointSpec(spec.name(), spec.url(), spec.events(), headers, spec.active());
	}

	@Override
	@Transactional
	public void delete(String id) {
		if (!this.webhooks.delete(id)) {
			throw new WebhookNotFoundException("Webhook", id);
		}
	}

	@Override
	@Transactional
	public WebhookSecret rotateSecret(String id) {
		Instant now = this.clock.instant();
		String secret = WebhookSigner.newSecret();
		if (!this.webhooks.rotate(id, secret, now.plus(this.settings.secretOverlap()), now)) {
			throw new WebhookNotFoundException("Webhook", id);
		}
		return new WebhookSecret(endpoint(id), secret);
	}

	@Override
	public WebhookDelivery sendTest(String id) {
		stored(id);
		String deliveryId = Ids.next("msg");
		Instant now = this.clock.instant();
		String body = this.fanOut.body(WebhookEventTypes.TEST, now, Map.of("message", "A test from NopeSight"), id,
				deliveryId);
		this.webhooks.insert(List.of(new NewDelivery(deliveryId, id, WebhookEventTypes.TEST, deliveryId, body)), now);
		this.dispatcher.wakeUp();
		return delivery(id, deliveryId);
	}

	@Override
	public Page<WebhookDelivery> deliveries(String id, int page, int limit) {
		stored(id);
		return new Page<>(this.webhooks.deliveries(id, (page - 1) * limit, limit), this.webhooks.countDeliveries(id),
				page, limit);
	}

	@Override
	public WebhookDelivery redeliver(String id, String deliveryId) {
		delivery(id, deliveryId);
		this.webhooks.redeliver(id, deliveryId, this.clock.instant());
		this.dispatcher.wakeUp();
		return delivery(id, deliveryId);
	}

	@Override
	public List<String> eventTypes() {
		return WebhookEventTypes.ALL;
	}

	private StoredEndpoint stored(String id) {
		return this.webhooks.find(id).orElseThrow(() -> new WebhookNotFoundException("Webhook", id));
	}

	private WebhookDelivery delivery(String id, String deliveryId) {
		return this.webhooks.findDelivery(id, deliveryId)
			.orElseThrow(() -> new WebhookNotFoundException("Delivery", deliveryId));
	}

	private void validate(WebhookEndpointSpec spec) {
		List<FieldError> errors = new ArrayList<>();
		if (spec.name() == null || spec.name().isBlank()) {
			errors.add(new FieldError("name", "A webhook needs a name"));
		}
		if (spec.events() == null || spec.events().isEmpty()) {
			errors.add(new FieldError("events", "A webhook needs at least one event type"));
		}
		else {
			spec.events()
				.stream()
				.filter((pattern) -> !WebhookEventTypes.isKnown(pattern))
				.forEach((pattern) -> errors.add(new FieldError("events", "Unknown event type '" + pattern
						+ "'; see GET /v1/webhooks/event-types")));
		}
		spec.headers()
			.keySet()
			.stream()
			.filter((name) -> WebhookSender.RESERVED.contains(name.toLowerCase(Locale.ROOT))
					|| name.toLowerCase(Locale.ROOT).startsWith("webhook-"))
			.forEach((name) -> errors.add(new FieldError("headers", "Header '" + name + "' cannot be set")));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.guard.check(spec.url());
	}

}
