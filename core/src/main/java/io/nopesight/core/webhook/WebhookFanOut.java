package io.nopesight.core.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.Ids;
import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.outbox.StoredDomainEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns outbox events into one delivery per matching active endpoint. The outbox is read past a single
 * cursor row that the reading node locks with {@code SKIP LOCKED}, in the same transaction that inserts the
 * deliveries and moves the cursor: each event becomes its deliveries exactly once, whichever node reads it,
 * and outbox rows are never changed (the search index follows the same outbox).
 */
@Component
class WebhookFanOut {

	static final int PAGE = 500;

	private final JdbcWebhookRepository webhooks;

	private final DomainEventOutbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookFanOut(JdbcWebhookRepository webhooks, DomainEventOutbox outbox, TransactionTemplate transactions,
			Clock clock) {
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Fans out one page of events; true when there may be more to read now.
	 */
	boolean pass() {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<ChangePosition> cursor = this.webhooks.lockCursor(this.outbox.currentSafePosition());
			if (cursor.isEmpty()) {
				return false;
			}
			List<StoredEndpoint> endpoints = this.webhooks.active();
			if (endpoints.isEmpty()) {
				// nobody listens: what happens now is no one's news later
				this.webhooks.moveCursor(this.outbox.currentSafePosition());
				return false;
			}
			List<StoredDomainEvent> events = this.outbox.readAfter(cursor.get(), PAGE);
			if (events.isEmpty()) {
				return false;
			}
			Instant now = this.clock.instant();
			this.webhooks.insert(deliveries(events, endpoints), now);
			this.webhooks.moveCursor(events.get(events.size() - 1).position());
			return events.size() == PAGE;
		}));
	}

	private List<NewDelivery> deliveries(List<StoredDomainEvent> events, List<StoredEndpoint> endpoints) {
		List<NewDelivery> deliveries = new ArrayList<>();
		for (StoredDomainEvent event : events) {
			for (StoredEndpoint endpoint : endpoints) {
				if (WebhookEventTypes.matches(endpoint.endpoint().events(), event.type())) {
					String id = Ids.next("msg");
					String endpointId = endpoint.endpoint().id();
					deliveries.add(new NewDelivery(id, endpointId, event.type(), event.aggregateId(),
							body(event.type(), event.occurredAt(), this.json.readTree(event.payload()), endpointId, id)));
				}
			}
		}
		return deliveries;
	}

	String body(String type, Instant timestamp, Object data, String endpointId, String deliveryId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", type);
		body.put("timestamp", timestamp.toString());
		body.put("data", data);
		body.put("webhook_id", endpointId);
		body.put("delivery_id", deliveryId);
		return this.json.writeValueAsString(body);
	}

}
