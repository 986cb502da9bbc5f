package io.nopesight.analytics.agent;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.analytics.agent.BudgetChoice.Choice;
import io.nopesight.analytics.agent.BudgetChoice.Item;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetChoiceTests {

	@Test
	void chooseWhenGreedyByRatioWouldTakeTheBestRatioFirstTakesTheBetterPair() {
		// given: A has the best risk per cost, but taking it leaves no room for B or C, and B + C avert more
		Item a = new Item("a", 6_000, 0.60);
		Item b = new Item("b", 5_000, 0.45);
		Item c = new Item("c", 5_000, 0.45);
		// when
		Choice choice = BudgetChoice.choose(List.of(a, b, c), 10_000);
		// then
		assertThat(greedyByRatio(List.of(a, b, c), 10_000)).isEqualTo(0.60);
		assertThat(choice.chosen()).containsExactly(b, c);
		assertThat(choice.value()).isEqualTo(0.90);
		assertThat(choice.spent()).isEqualTo(10_000);
		assertThat(choice.left()).containsExactly(a);
		assertThat(choice.exact()).isTrue();
	}

	@Test
	void chooseWhenAnItemCostsMoreThanTheBudgetLeavesItOut() {
		// when
		Choice choice = BudgetChoice.choose(List.of(new Item("big", 60_000, 5), new Item("small", 1_000, 0.1)), 50_000);
		// then
		assertThat(choice.chosen()).extracting(Item::key).containsExactly("small");
		assertThat(choice.left()).extracting(Item::key).containsExactly("big");
	}

	@Test
	void chooseWhenBudgetIsZeroTakesOnlyWhatIsFree() {
		// when
		Choice choice = BudgetChoice.choose(List.of(new Item("free", 0, 0.2), new Item("paid", 10, 0.5)), 0);
		// then
		assertThat(choice.chosen()).extracting(Item::key).containsExactly("free");
		assertThat(choice.spent()).isZero();
	}

	@Test
	void chooseWhenTheTableWouldBeHugeNeverOverspends() {
		// given: odd costs and a budget of 1.1 billion cannot be counted in a common unit
		List<Item> items = List.of(new Item("x", 400_000_001, 0.5), new Item("y", 300_000_007, 0.4),
				new Item("z", 299_999_999, 0.4));
		// when
		Choice choice = BudgetChoice.choose(items, 1_100_000_000);
		// then
		assertThat(choice.exact()).isFalse();
		assertThat(choice.spent()).isLessThanOrEqualTo(1_100_000_000);
		assertThat(choice.chosen()).hasSize(3);
	}

	@Test
	void chooseWhenCostsShareAUnitIsExactOnALargeBudget() {
		// given: every cost a multiple of 500, so the table is counted in 500s
		List<Item> items = List.of(new Item("a", 3_000_000, 0.9), new Item("b", 2_500_000, 0.5),
				new Item("c", 2_500_000, 0.5));
		// when
		Choice choice = BudgetChoice.choose(items, 5_000_000);
		// then
		assertThat(choice.exact()).isTrue();
		assertThat(choice.chosen()).extracting(Item::key).containsExactly("b", "c");
	}

	private static double greedyByRatio(List<Item> items, long budget) {
		long left = budget;
		double value = 0;
		for (Item item : items.stream().sorted((x, y) -> Double.compare(y.value() / y.cost(), x.value() / x.cost())).toList()) {
			if (item.cost() <= left) {
				left -= item.cost();
				value += item.value();
			}
		}
		return value;
	}

}
