package io.nopesight.core.cmdb;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Where the impact walk put each slot it reached. A walk that reaches a few CIs keeps them in a small
 * open-addressing table; one that reaches many moves to an array indexed by slot, which stays in the
 * processor's cache where a table of a hundred thousand entries would not (a core switch's walk took four
 * times as long with the table alone).
 */
final class SlotPositions {

	private static final int SPARSE_LIMIT = 2048;

	// slot + 1 and position + 1, so that 0 marks a free cell and a fresh array needs no filling
	private int[] keys = new int[64];

	private int[] values = new int[64];

	private int count;

	private int maxSlot;

	private int @Nullable [] dense;

	/**
	 * The position of {@code slot}, or -1 after recording {@code position} for it.
	 */
	int putIfAbsent(int slot, int position) {
		int[] dense = this.dense;
		if (dense != null) {
			if (slot >= dense.length) {
				dense = Arrays.copyOf(dense, Math.max(slot + 1, dense.length * 2));
				this.dense = dense;
			}
			int known = dense[slot] - 1;
			if (known < 0) {
				dense[slot] = position + 1;
			}
			return known;
		}
		int mask = this.keys.length - 1;
		for (int i = cell(slot, mask);; i = (i + 1) & mask) {
			int key = this.keys[i];
			if (key == 0) {
				this.keys[i] = slot + 1;
				this.values[i] = position + 1;
				this.maxSlot = Math.max(this.maxSlot, slot);
				if (++this.count > SPARSE_LIMIT) {
					densify();
				}
				else if (this.count * 2 > this.keys.length) {
					grow();
				}
				return -1;
			}
			if (key == slot + 1) {
				return this.values[i] - 1;
			}
		}
	}

	private void densify() {
		int[] dense = new int[this.maxSlot * 2 + 1];
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i] != 0) {
				dense[this.keys[i] - 1] = this.values[i];
			}
		}
		this.dense = dense;
	}

	private void grow() {
		int[] oldKeys = this.keys;
		int[] oldValues = this.values;
		this.keys = new int[oldKeys.length * 2];
		this.values = new int[oldKeys.length * 2];
		int mask = this.keys.length - 1;
		for (int j = 0; j < oldKeys.length; j++) {
			if (oldKeys[j] != 0) {
				int i = cell(oldKeys[j] - 1, mask);
				while (this.keys[i] != 0) {
					i = (i + 1) & mask;
				}
				this.keys[i] = oldKeys[j];
				this.values[i] = oldValues[j];
			}
		}
	}

	// slots are dense small numbers; multiplying by the golden ratio spreads neighbours over the table
	private static int cell(int slot, int mask) {
		int h = slot * 0x9E3779B9;
		return (h ^ (h >>> 16)) & mask;
	}

}
