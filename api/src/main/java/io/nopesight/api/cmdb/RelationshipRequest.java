package io.nopesight.api.cmdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.NewRelationship;

/**
 * The body of {@code POST /v1/cmdb/relationships}. API-created relationships are {@code manual} unless
 * the client says otherwise.
 */
record RelationshipRequest(@Nullable String type, @Nullable String sourceCi, @Nullable String targetCi,
		@Nullable Map<String, @Nullable Object> attributes, @Nullable String discoveredBy,
		@Nullable Double confidence) {

	NewRelationship toNew() {
		return new NewRelationship(this.type, this.sourceCi, this.targetCi, this.attributes, this.discoveredBy,
				this.confidence);
	}

}
