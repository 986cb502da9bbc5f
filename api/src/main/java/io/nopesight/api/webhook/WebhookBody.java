package io.nopesight.api.webhook;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.webhook.WebhookEndpointSpec;

/**
 * A webhook to register or the whole of one to replace; {@code active} is true unless given.
 */
record WebhookBody(@Nullable String name, @Nullable String url, @Nullable List<String> events,
		@Nullable Map<String, String> headers, @Nullable Boolean active) {

	WebhookEndpointSpec toSpec() {
		return new WebhookEndpointSpec(Objects.requireNonNullElse(this.name, ""),
				Objects.requireNonNullElse(this.url, ""), Objects.requireNonNullElse(this.events, List.of()),
				Objects.requireNonNullElse(this.headers, Map.of()), !Boolean.FALSE.equals(this.active));
	}

}
