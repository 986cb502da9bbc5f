package io.nopesight.core.cmdb;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The CIs an impact walk reached, with their distance, nearest first, read from the walk's own arrays: a
 * caller that only counts them (correlation does, for every CI it ranks) pays nothing for a map of a core
 * switch's hundred thousand CIs, and one that looks ids up gets a hash map built on its first lookup.
 */
final class ReachedCis extends AbstractMap<String, Integer> {

	// position 0 is the origin, which is not among the CIs reached
	private final @Nullable ImpactLink[] via;

	private final int size;

	private final int[] levelStart;

	private final int levels;

	private volatile @Nullable Map<String, Integer> byId;

	ReachedCis(@Nullable ImpactLink[] via, int size, int[] levelStart, int levels) {
		this.via = via;
		this.size = size;
		this.levelStart = levelStart;
		this.levels = levels;
	}

	@Override
	public int size() {
		return this.size - 1;
	}

	@Override
	public @Nullable Integer get(Object ciId) {
		return byId().get(ciId);
	}

	@Override
	public boolean containsKey(Object ciId) {
		return byId().containsKey(ciId);
	}

	@Override
	public Set<Entry<String, Integer>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public int size() {
				return ReachedCis.this.size();
			}

			@Override
			public Iterator<Entry<String, Integer>> iterator() {
				return new Iterator<>() {

					private int position = 1;

					private int distance = 1;

					@Override
					public boolean hasNext() {
						return this.position < ReachedCis.this.size;
					}

					@Override
					public Entry<String, Integer> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						while (this.distance + 1 < ReachedCis.this.levels
								&& this.position >= ReachedCis.this.levelStart[this.distance + 1]) {
							this.distance++;
						}
						return new SimpleImmutableEntry<>(ReachedCis.this.via[this.position++].downstream(),
								this.distance);
					}

				};
			}

		};
	}

	// built at most a few times over when threads race for it, each time the same
	private Map<String, Integer> byId() {
		Map<String, Integer> byId = this.byId;
		if (byId == null) {
			byId = new HashMap<>(this.size * 2);
			for (Entry<String, Integer> entry : entrySet()) {
				byId.put(entry.getKey(), entry.getValue());
			}
			this.byId = byId;
		}
		return byId;
	}

}
