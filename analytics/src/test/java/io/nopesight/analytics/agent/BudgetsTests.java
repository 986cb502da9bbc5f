package io.nopesight.analytics.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetsTests {

	@Test
	void readsABudgetWrittenInTheQuestion() {
		assertThat(Budgets.read("Which servers need capacity upgrades next quarter, within 50 000?")).isEqualTo(50_000);
		assertThat(Budgets.read("What needs upgrading under $50k?")).isEqualTo(50_000);
		assertThat(Budgets.read("upgrades with a budget of 25,000 EUR")).isEqualTo(25_000);
		assertThat(Budgets.read("capacity upgrades, budget 800")).isEqualTo(800);
		assertThat(Budgets.read("what can we upgrade for 1.5 million dollars")).isEqualTo(1_500_000);
		assertThat(Budgets.read("upgrades up to 12000")).isEqualTo(12_000);
	}

	@Test
	void leavesTimesPercentagesAndSmallBareNumbersAlone() {
		assertThat(Budgets.read("Which servers will run out of disk within 30 days?")).isNull();
		assertThat(Budgets.read("servers under 80% memory")).isNull();
		assertThat(Budgets.read("upgrades for the next 2 quarters")).isNull();
		assertThat(Budgets.read("Which of the 12 servers need upgrades?")).isNull();
		assertThat(Budgets.read("What servers need capacity upgrades?")).isNull();
	}

}
