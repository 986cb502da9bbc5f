package io.nopesight.core.webhook;

import java.util.List;
import java.util.Map;

/**
 * What a client asks for when registering or replacing an endpoint; {@code events} may hold wildcards
 * such as {@code ci.*} or {@code *}.
 */
public record WebhookEndpointSpec(String name, String url, List<String> events, Map<String, String> headers,
		boolean active) {
}
