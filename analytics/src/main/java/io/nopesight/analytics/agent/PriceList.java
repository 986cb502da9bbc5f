package io.nopesight.analytics.agent;

/**
 * What upgrades cost and right-sizing saves, from {@link AgentSettings}: upgrades are sized in whole steps
 * ({@code increments}) and priced per unit added; a saving is the monthly price of the units removed.
 */
final class PriceList {

	private final AgentSettings settings;

	PriceList(AgentSettings settings) {
		this.settings = settings;
	}

	String currency() {
		return this.settings.currency();
	}

	int increment(Resource resource) {
		return switch (resource) {
			case CPU -> this.settings.increments().vcpu();
			case MEMORY -> this.settings.increments().memoryGb();
			case STORAGE -> this.settings.increments().diskGb();
		};
	}

	long upgradeCost(Resource resource, long units) {
		double unitPrice = switch (resource) {
			case CPU -> this.settings.prices().vcpu();
			case MEMORY -> this.settings.prices().memoryGb();
			case STORAGE -> this.settings.prices().diskGb();
		};
		return Math.round(units * unitPrice);
	}

	long monthlySaving(long vcpus, long memoryGb) {
		return Math.round(vcpus * this.settings.monthly().vcpu() + memoryGb * this.settings.monthly().memoryGb());
	}

	/**
	 * The units to add so that the peak, as a percentage of the new size, is at most the target: none when the
	 * peak is already under it, else the shortfall rounded up to whole increments.
	 */
	long upgradeUnits(Resource resource, double peakPercent, double size, double target) {
		if (peakPercent <= target) {
			return 0;
		}
		int step = increment(resource);
		double needed = size * peakPercent / target - size;
		long steps = (long) Math.ceil(needed / step - 1e-9);
		return Math.max(1, steps) * step;
	}

}
