package io.nopesight.core.cmdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * The topology's links by CI, apart by direction. Each CI that has links holds a slot, a small number the
 * impact walk marks and follows instead of hashing ids: with each CI's links down it keeps the slots of the
 * CIs at their other end. One thread writes at a time (loading, catching up); any number read without
 * locks, and a reader sees each CI's links before or after a change, never half of one.
 */
final class TopologyLinks implements ImpactTraversal.Graph {

	// a walk lasts milliseconds; a slot given out again only a minute after it was freed cannot lead a walk
	// that read the slot before into another CI's links
	private static final long REUSE_AFTER = TimeUnit.MINUTES.toNanos(1);

	private final Map<String, Integer> slotOf = new ConcurrentHashMap<>();

	// replaced by a larger copy when full; a reader that still holds the old one sees the links as they were
	private volatile AtomicReferenceArray<CiLinks> bySlot = new AtomicReferenceArray<>(1024);

	private final ArrayDeque<Freed> freed = new ArrayDeque<>();

	private int nextSlot;

	List<ImpactLink> above(String ciId) {
		CiLinks links = of(ciId);
		return (links != null) ? links.above() : List.of();
	}

	List<ImpactLink> below(String ciId) {
		CiLinks links = of(ciId);
		return (links != null) ? links.below() : List.of();
	}

	List<ImpactLink> all(String ciId) {
		CiLinks links = of(ciId);
		if (links == null) {
			return List.of();
		}
		List<ImpactLink> all = new ArrayList<>(links.above());
		all.addAll(links.below());
		return all;
	}

	/**
	 * Gives each CI named its links, all of them (none takes its links away); a link is given to the CIs at
	 * both its ends. Every CI at the other end of a link given must be given its links in the same call or
	 * have them already.
	 */
	void replace(Map<String, List<ImpactLink>> linksByCi) {
		linksByCi.forEach((ci, links) -> {
			if (!links.isEmpty() && !this.slotOf.containsKey(ci)) {
				this.slotOf.put(ci, takeSlot());
			}
		});
		List<String> bare = new ArrayList<>();
		linksByCi.forEach((ci, links) -> {
			if (links.isEmpty()) {
				bare.add(ci);
			}
			else {
				this.bySlot.set(this.slotOf.get(ci), links(ci, links));
			}
		});
		for (String ci : bare) {
			Integer slot = this.slotOf.remove(ci);
			if (slot != null) {
				this.bySlot.set(slot, null);
				this.freed.add(new Freed(slot, System.nanoTime()));
			}
		}
	}

	@Override
	public int slot(String ciId) {
		Integer slot = this.slotOf.get(ciId);
		return (slot != null) ? slot : -1;
	}

	@Override
	public @Nullable CiLinks below(int slot) {
		return this.bySlot.get(slot);
	}

	private @Nullable CiLinks of(String ciId) {
		Integer slot = this.slotOf.get(ciId);
		return (slot != null) ? this.bySlot.get(slot) : null;
	}

	private CiLinks links(String ci, List<ImpactLink> links) {
		List<ImpactLink> above = new ArrayList<>();
		List<ImpactLink> below = new ArrayList<>();
		for (ImpactLink link : links) {
			(link.upstream().equals(ci) ? below : above).add(link);
		}
		below.sort(ImpactTraversal.BELOW);
		int[] belowSlots = new int[below.size()];
		for (int i = 0; i < belowSlots.length; i++) {
			String downstream = below.get(i).downstream();
			Integer slot = this.slotOf.get(downstream);
			if (slot == null) {
				// only when a caller broke the contract above; the CI then has a slot and no links yet
				slot = takeSlot();
				this.slotOf.put(downstream, slot);
			}
			belowSlots[i] = slot;
		}
		return new CiLinks(List.copyOf(above), List.copyOf(below), belowSlots);
	}

	private int takeSlot() {
		Freed oldest = this.freed.peek();
		if (oldest != null && System.nanoTime() - oldest.at() > REUSE_AFTER) {
			this.freed.poll();
			return oldest.slot();
		}
		AtomicReferenceArray<CiLinks> current = this.bySlot;
		if (this.nextSlot == current.length()) {
			AtomicReferenceArray<CiLinks> larger = new AtomicReferenceArray<>(current.length() * 2);
			for (int i = 0; i < current.length(); i++) {
				larger.set(i, current.get(i));
			}
			this.bySlot = larger;
		}
		return this.nextSlot++;
	}

	/**
	 * A CI's links: those that bring failure to it ({@code above}) and those that take its failure on
	 * ({@code below}), with the slots of the CIs below, position by position.
	 */
	record CiLinks(List<ImpactLink> above, List<ImpactLink> below, int[] belowSlots) implements ImpactTraversal.Below {
	}

	private record Freed(int slot, long at) {
	}

}
