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

	private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	synchronized Optional<List<SortKey>> get(Key key, long version) {
		Entry entry = this.entries.get(key);
		return (entry != null && entry.version() == version) ? Optional.of(entry.anchors()) : Optional.empty();
	}

	synchronized void put(Key key, long version, List<SortKey> anchors) {
		this.entries.put(key, new Entry(version, List.copyOf(anchors)));
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

	private record Entry(long version, List<SortKey> anchors) {
	}

}
