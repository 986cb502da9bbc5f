package io.nopesight.analytics.agent;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RightSizingTests {

	private final AgentSettings settings = AgentSettings.defaults();

	private final RightSizing rightSizing = new RightSizing(this.settings, new PriceList(this.settings));

	@Test
	void proposeWhenCpuAndMemoryAreIdleHalvesBothAndCountsTheSaving() {
		// given: a month of hours at 5-12% CPU and 20% memory
		double[] cpu = hours(720, 5, 12);
		double[] memory = hours(720, 20, 20);
		// when
		RightSizingProposal proposal = this.rightSizing.propose(batch01(), cpu, memory, 720);
		// then
		assertThat(proposal).isNotNull();
		assertThat(proposal.recommendedChange()).containsEntry("cpu", "-8 vCPU (16 → 8)")
			.containsEntry("memory", "-32GB (64GB → 32GB)");
		assertThat(proposal.monthlySaving()).isEqualTo(8 * 25 + 32 * 5);
		assertThat(proposal.p95()).containsEntry("cpu", "12%").containsEntry("memory", "20%");
		assertThat(proposal.confidence()).isEqualTo(0.95);
	}

	@Test
	void proposeWhenOnlyCpuIsIdleLeavesMemoryAlone() {
		// when
		RightSizingProposal proposal = this.rightSizing.propose(batch01(), hours(720, 5, 9), hours(720, 88, 92), 720);
		// then
		assertThat(proposal).isNotNull();
		assertThat(proposal.recommendedChange()).containsOnlyKeys("cpu");
		assertThat(proposal.monthlySaving()).isEqualTo(8 * 25);
	}

	@Test
	void proposeWhenBusyOrShortOfHistoryProposesNothing() {
		assertThat(this.rightSizing.propose(batch01(), hours(720, 40, 70), hours(720, 50, 60), 720)).isNull();
		assertThat(this.rightSizing.propose(batch01(), hours(100, 5, 9), hours(100, 10, 12), 720)).isNull();
	}

	@Test
	void proposeWhenAlreadyAtTheMinimumProposesNothing() {
		// given
		CiFacts tiny = new CiFacts("ci_tiny", "TINY-01", "server", "test", Map.of(Resource.CPU, 2.0, Resource.MEMORY, 4.0));
		// then
		assertThat(this.rightSizing.propose(tiny, hours(720, 1, 2), hours(720, 5, 6), 720)).isNull();
	}

	@Test
	void p95WhenFewHoursSpikeIgnoresThem() {
		// given: 100 hours at 10% and 4 spikes to 100%
		double[] values = hours(104, 10, 10);
		Arrays.fill(values, 100, 104, 100);
		// then
		assertThat(RightSizing.p95(values)).isEqualTo(10);
	}

	private static CiFacts batch01() {
		return new CiFacts("ci_batch01", "PROD-BATCH-01", "server", "production",
				Map.of(Resource.CPU, 16.0, Resource.MEMORY, 64.0, Resource.STORAGE, 500.0));
	}

	// values cycling evenly from low to high
	private static double[] hours(int n, double low, double high) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = low + (high - low) * (i % 24) / 23.0;
		}
		return values;
	}

}
