package io.nopesight.core.cmdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client gives to link two configuration items.
 */
public record NewRelationship(@Nullable String type, @Nullable String sourceCi, @Nullable String targetCi,
		@Nullable Map<String, @Nullable Object> attributes, @Nullable String discoveredBy,
		@Nullable Double confidence) {
}
