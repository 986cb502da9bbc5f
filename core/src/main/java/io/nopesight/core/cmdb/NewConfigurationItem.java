package io.nopesight.core.cmdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client gives to create a configuration item; {@code status} defaults to active.
 */
public record NewConfigurationItem(@Nullable String name, @Nullable String type, @Nullable String status,
		@Nullable String description, @Nullable Map<String, @Nullable Object> attributes,
		@Nullable Map<String, @Nullable Object> customFields) {
}
