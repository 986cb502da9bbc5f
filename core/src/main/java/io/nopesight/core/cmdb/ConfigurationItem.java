package io.nopesight.core.cmdb;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A configuration item: anything in the estate worth tracking (a server, an application, a database...).
 * {@code attributes} hold what describes the thing itself, {@code customFields} what the organisation
 * adds (department, environment, cost centre). {@code revision} counts its changes (from 1), for
 * conditional writes.
 */
public record ConfigurationItem(String id, String name, String type, ConfigurationItemStatus status,
		@Nullable String description, Map<String, @Nullable Object> attributes,
		Map<String, @Nullable Object> customFields, Instant createdAt, Instant updatedAt,
		@Nullable String createdBy, @Nullable String updatedBy, long revision) {
}
