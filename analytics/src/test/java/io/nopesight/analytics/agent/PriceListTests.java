package io.nopesight.analytics.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceListTests {

	private final PriceList prices = new PriceList(AgentSettings.defaults());

	@Test
	void upgradeUnitsWhenPeakPassesTheTargetSizesToKeepItUnder() {
		// 250 GB disk peaking at 120%: 300 GB used, which is 75% of 400 GB, so +150 GB, rounded up to +200 GB
		assertThat(this.prices.upgradeUnits(Resource.STORAGE, 120, 250, 75)).isEqualTo(200);
		// 16 vCPU at 90%: 14.4 vCPU busy, 19.2 needed, +3.2 -> +4 (steps of 2)
		assertThat(this.prices.upgradeUnits(Resource.CPU, 90, 16, 75)).isEqualTo(4);
		// 64 GB at 80%: 51.2 GB used, 68.27 needed, +4.27 -> +8 (steps of 8)
		assertThat(this.prices.upgradeUnits(Resource.MEMORY, 80, 64, 75)).isEqualTo(8);
	}

	@Test
	void upgradeUnitsWhenPeakIsUnderTheTargetIsNone() {
		assertThat(this.prices.upgradeUnits(Resource.STORAGE, 74.9, 250, 75)).isZero();
	}

	@Test
	void upgradeUnitsWhenTheShortfallIsAWholeStepDoesNotAddAnother() {
		// 100 GB at 150% with a 75% target needs exactly 100 GB more
		assertThat(this.prices.upgradeUnits(Resource.STORAGE, 150, 100, 75)).isEqualTo(100);
	}

	@Test
	void upgradeCostWhenPricedPerUnitMultiplies() {
		assertThat(this.prices.upgradeCost(Resource.CPU, 4)).isEqualTo(2_000);
		assertThat(this.prices.upgradeCost(Resource.MEMORY, 32)).isEqualTo(4_800);
		assertThat(this.prices.upgradeCost(Resource.STORAGE, 500)).isEqualTo(7_500);
	}

	@Test
	void monthlySavingWhenUnitsAreRemovedIsTheirRunningCost() {
		assertThat(this.prices.monthlySaving(8, 32)).isEqualTo(8 * 25 + 32 * 5);
	}

}
