package io.nopesight.core.cmdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A partial update: null fields stay as they are; {@code attributes} and {@code customFields} merge key
 * by key, and a key given as null is removed.
 */
public record ConfigurationItemChanges(@Nullable String name, @Nullable String type, @Nullable String status,
		@Nullable String description, @Nullable Map<String, @Nullable Object> attributes,
		@Nullable Map<String, @Nullable Object> customFields) {
}
