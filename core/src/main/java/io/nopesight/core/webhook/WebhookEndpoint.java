package io.nopesight.core.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A registered receiver of events; {@code disabledReason} says why delivery stopped on its own (the
 * receiver answered 410, or failed for too long), {@code failingSince} since when every attempt failed.
 * As {@link WebhookManagement} hands it out, the custom headers' values read {@link #HIDDEN_VALUE}: they
 * often carry the receiver's credentials.
 */
public record WebhookEndpoint(String id, String name, String url, List<String> events, Map<String, String> headers,
		boolean active, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt,
		Instant updatedAt) {

	/**
	 * What a custom header's value reads as once stored; given back in a replacement, it keeps the stored value.
	 */
	public static final String HIDDEN_VALUE = "********";

	WebhookEndpoint withHeaderValuesHidden() {
		Map<String, String> hidden = new LinkedHashMap<>();
		this.headers.keySet().forEach((name) -> hidden.put(name, HIDDEN_VALUE));
		return new WebhookEndpoint(this.id, this.name, this.url, this.events, Collections.unmodifiableMap(hidden),
				this.active, this.disabledReason, this.failingSince, this.createdAt, this.updatedAt);
	}

}
