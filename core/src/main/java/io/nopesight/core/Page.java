package io.nopesight.core;

import java.util.List;

/**
 * One page of a list and the total it was cut from.
 */
public record Page<T>(List<T> items, long total, int page, int limit) {

	public long pages() {
		return (this.total + this.limit - 1) / this.limit;
	}

}
