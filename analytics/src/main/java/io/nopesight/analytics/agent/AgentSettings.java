package io.nopesight.analytics.agent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agents ({@code nopesight.agents.*}): {@code targetUtilization}, the percentage an upgrade keeps a
 * resource's forecast peak under when a question gives none; {@code currency}, what costs are counted in;
 * {@code prices}, the one-off cost of adding one vCPU, one GB of memory and one GB of disk; {@code monthly},
 * what one vCPU and one GB of memory cost to run a month (right-sizing's saving); {@code increments}, the
 * steps upgrades are rounded up to; {@code rightSizing}, when a CI counts as idle.
 */
@ConfigurationProperties("nopesight.agents")
record AgentSettings(@DefaultValue("75") double targetUtilization, @DefaultValue("USD") String currency,
		@DefaultValue Prices prices, @DefaultValue Monthly monthly, @DefaultValue Increments increments,
		@DefaultValue RightSizing rightSizing) {

	static AgentSettings defaults() {
		return new AgentSettings(75, "USD", new Prices(500, 150, 15), new Monthly(25, 5), new Increments(2, 8, 100),
				new RightSizing(25, Duration.ofDays(30), Duration.ofDays(7), 2, 4));
	}

	/**
	 * One-off prices of one unit added: a vCPU, a GB of memory, a GB of disk.
	 */
	record Prices(@DefaultValue("500") double vcpu, @DefaultValue("150") double memoryGb,
			@DefaultValue("15") double diskGb) {
	}

	/**
	 * Monthly running cost of one vCPU and one GB of memory: what removing one saves.
	 */
	record Monthly(@DefaultValue("25") double vcpu, @DefaultValue("5") double memoryGb) {
	}

	/**
	 * Upgrades are rounded up to these steps.
	 */
	record Increments(@DefaultValue("2") int vcpu, @DefaultValue("8") int memoryGb, @DefaultValue("100") int diskGb) {
	}

	/**
	 * A resource is halved when the 95th percentile of its hourly use over {@code history} is at most
	 * {@code maxP95} percent (halved, it stays at most twice that, under the target); not below {@code minVcpu}
	 * and {@code minMemoryGb}, and only with at least {@code minHistory} of data.
	 */
	record RightSizing(@DefaultValue("25") double maxP95, @DefaultValue("30d") Duration history,
			@DefaultValue("7d") Duration minHistory, @DefaultValue("2") int minVcpu,
			@DefaultValue("4") int minMemoryGb) {
	}

}
