package io.nopesight.core.cmdb;

import org.jspecify.annotations.Nullable;

/**
 * One page of a CI list: optional filters, an optional full-text search, an order and a 1-based page.
 * Without a sort, a search is ordered by relevance and a plain list by name.
 */
public record ConfigurationItemQuery(@Nullable String type, @Nullable ConfigurationItemStatus status,
		@Nullable String search, @Nullable ConfigurationItemSort sort, boolean descending, int page, int limit) {

	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
