package io.nopesight.core.cmdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where every {@value #SPACING}th row of a CI ordering starts, per filter and order, tagged with the
 * version of the rows it was read from. A deep page then walks at most {@value #SPACING} index entries
 * from the nearest anchor instead of every row before it. Any write to the types an entry covers changes
 * the version, and the entry is read again on next use.
 */
final class PageAnchors {

	static final int SPACING = 500;

	private static final int MAX_ENTRIES = 256;

	private final Map<Key, Anchored> entries = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Anchored> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	synchronized Optional<Anchored> get(Key key) {
		return Optional.ofNullable(this.entries.get(key));
	}

	synchronized void put(Key key, Anchored anchored) {
		this.entries.put(key, anchored);
	}

	/**
	 * A filter and an order.
	 */
	record Key(@Nullable String type, @Nullable ConfigurationItemStatus status, ConfigurationItemSort sort,
			boolean descending) {
	}

	/**
	 * The ordering key of one row: its sort value and id.
	 */
	record SortKey(Object value, String id) {
	}

	/**
	 * The anchors of one ordering at one version of its rows.
	 */
	record Anchored(long version, List<SortKey> keys) {

		@Nullable SortKey at(long offset) {
			int index = (int) (offset / SPACING);
			return (index < this.keys.size()) ? this.keys.get(index) : null;
		}

	}

}
