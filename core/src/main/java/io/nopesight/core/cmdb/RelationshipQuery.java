package io.nopesight.core.cmdb;

import org.jspecify.annotations.Nullable;

/**
 * Filters for a relationship list; AI-discovered relationships are left out unless {@code includeAi}.
 */
public record RelationshipQuery(@Nullable String sourceCi, @Nullable String targetCi, @Nullable String type,
		boolean includeAi, int page, int limit) {

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
