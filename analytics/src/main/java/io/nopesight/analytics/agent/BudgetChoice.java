package io.nopesight.analytics.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of upgrades that averts the most risk within a budget: an exact 0/1 knapsack by dynamic programming
 * over the budget, counted in the greatest common divisor of the costs and the budget. Should that table still
 * be too large (a budget in the millions with odd costs), costs are rounded up to a coarser unit, which never
 * overspends but may leave a little unused ({@link Choice#exact()} is then false).
 */
final class BudgetChoice {

	static final long MAX_CELLS = 20_000_000L;

	private BudgetChoice() {
	}

	static Choice choose(List<Item> items, long budget) {
		List<Item> fitting = new ArrayList<>();
		List<Item> left = new ArrayList<>();
		for (Item item : items) {
			(item.cost() <= budget ? fitting : left).add(item);
		}
		long unit = budget;
		for (Item item : fitting) {
			unit = gcd(unit, item.cost());
		}
		unit = Math.max(unit, 1);
		long capacity = budget / unit;
		int n = fitting.size();
		boolean exact = true;
		long scale = 1;
		if ((capacity + 1) * Math.max(n, 1) > MAX_CELLS) {
			scale = (long) Math.ceil((double) (capacity + 1) * n / MAX_CELLS);
			capacity = capacity / scale;
			exact = false;
		}
		int width = (int) capacity;
		int[] costs = new int[n];
		for (int i = 0; i < n; i++) {
			costs[i] = (int) Math.ceil((double) (fitting.get(i).cost() / unit) / scale);
		}
		double[] best = new double[width + 1];
		boolean[][] take = new boolean[n][width + 1];
		for (int i = 0; i < n; i++) {
			double value = fitting.get(i).value();
			for (int w = width; w >= costs[i]; w--) {
				double with = best[w - costs[i]] + value;
				if (with > best[w] + 1e-12) {
					best[w] = with;
					take[i][w] = true;
				}
			}
		}
		List<Item> chosen = new ArrayList<>();
		int w = width;
		for (int i = n - 1; i >= 0; i--) {
			if (take[i][w]) {
				chosen.add(0, fitting.get(i));
				w -= costs[i];
			}
			else {
				left.add(fitting.get(i));
			}
		}
		long spent = chosen.stream().mapToLong(Item::cost).sum();
		return new Choice(chosen, left, spent, exact);
	}

	private static long gcd(long a, long b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	/**
	 * Something to buy: what it costs and the risk it averts.
	 */
	record Item(String key, long cost, double value) {
	}

	/**
	 * The items bought, the ones left out (too dear on their own first), what was spent, and whether the
	 * choice is exactly the best one.
	 */
	record Choice(List<Item> chosen, List<Item> left, long spent, boolean exact) {

		double value() {
			return this.chosen.stream().mapToDouble(Item::value).sum();
		}

	}

}
