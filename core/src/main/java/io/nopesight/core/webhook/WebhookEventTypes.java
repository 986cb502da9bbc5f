package io.nopesight.core.webhook;

import java.util.Collection;
import java.util.List;

/**
 * The event types the outbox carries, and how an endpoint's patterns ({@code ci.updated}, {@code ci.*},
 * {@code *}) match them.
 */
final class WebhookEventTypes {

	static final String TEST = "webhook.test";

	static final List<String> ALL = List.of("ci.created", "ci.updated", "ci.deleted", "relationship.created",
			"relationship.updated", "relationship.deleted", "scan.completed", "event.created", "event.status_changed",
			"incident.created", "incident.updated", "service.created", "service.updated", "service.deleted",
			"service.health_changed", "report.completed");

	private WebhookEventTypes() {
	}

	static boolean matches(Collection<String> patterns, String type) {
		return patterns.stream().anyMatch((pattern) -> matches(pattern, type));
	}

	static boolean matches(String pattern, String type) {
		if (pattern.equals("*")) {
			return true;
		}
		if (pattern.endsWith(".*")) {
			return type.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(type);
	}

	/**
	 * Whether a pattern can match anything at all: a known type, a known type's family, or everything.
	 */
	static boolean isKnown(String pattern) {
		return ALL.stream().anyMatch((type) -> matches(pattern, type));
	}

}
