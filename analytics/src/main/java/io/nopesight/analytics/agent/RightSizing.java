package io.nopesight.analytics.agent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Right-sizing of idle CIs: a resource whose hourly use has a 95th percentile of at most
 * {@code rightSizing.maxP95} over the history is halved (not below the minimum size), since halved it still
 * peaks at most at twice that; the saving is the monthly price of what is removed. Storage is left alone: a
 * disk is not given back by halving it.
 */
final class RightSizing {

	private final AgentSettings.RightSizing rules;

	private final PriceList prices;

	RightSizing(AgentSettings settings, PriceList prices) {
		this.rules = settings.rightSizing();
		this.prices = prices;
	}

	/**
	 * The proposal for one CI from its hourly CPU and memory use over the history, or null when it is not idle,
	 * has too little history, or is already at the minimum size.
	 */
	@Nullable RightSizingProposal propose(CiFacts ci, double[] cpuHourly, double[] memoryHourly, long historyHours) {
		long minHours = this.rules.minHistory().toHours();
		Map<String, String> p95 = new LinkedHashMap<>();
		Map<String, String> change = new LinkedHashMap<>();
		long vcpus = 0;
		long memory = 0;
		StringBuilder why = new StringBuilder();
		if (cpuHourly.length >= minHours) {
			double cpu = p95(cpuHourly);
			p95.put("cpu", percent(cpu));
			Double cores = ci.size(Resource.CPU);
			if (cpu <= this.rules.maxP95() && cores != null) {
				long now = Math.round(cores);
				long halved = Math.max(this.rules.minVcpu(), now / 2);
				if (halved < now) {
					vcpus = now - halved;
					change.put("cpu", Resource.CPU.amount(-vcpus) + " (" + now + " → " + halved + ")");
					why.append("CPU p95 ").append(percent(cpu)).append(" over ").append(cpuHourly.length)
						.append(" hours; ");
				}
			}
		}
		if (memoryHourly.length >= minHours) {
			double mem = p95(memoryHourly);
			p95.put("memory", percent(mem));
			Double gb = ci.size(Resource.MEMORY);
			if (mem <= this.rules.maxP95() && gb != null) {
				long now = Math.round(gb);
				long halved = Math.max(this.rules.minMemoryGb(), now / 2);
				if (halved < now) {
					memory = now - halved;
					change.put("memory", Resource.MEMORY.amount(-memory) + " (" + now + "GB → " + halved + "GB)");
					why.append("memory p95 ").append(percent(mem)).append(" over ").append(memoryHourly.length)
						.append(" hours; ");
				}
			}
		}
		if (change.isEmpty()) {
			return null;
		}
		why.append("halved, each stays at most ").append(percent(2 * this.rules.maxP95()))
			.append(" at its 95th percentile");
		long covered = Math.max(cpuHourly.length, memoryHourly.length);
		double confidence = round2(0.5 + 0.45 * Math.min(1.0, (double) covered / Math.max(1, historyHours)));
		return new RightSizingProposal(ci.id(), ci.name(), ci.environment(), p95, change,
				this.prices.monthlySaving(vcpus, memory), confidence, why.toString());
	}

	/**
	 * The nearest-rank 95th percentile.
	 */
	static double p95(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(0.95 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	static String percent(double value) {
		return Math.round(value) + "%";
	}

	static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static List<RightSizingProposal> bySaving(List<RightSizingProposal> proposals) {
		return proposals.stream()
			.sorted((a, b) -> (a.monthlySaving() != b.monthlySaving()) ? Long.compare(b.monthlySaving(), a.monthlySaving())
					: a.name().compareTo(b.name()))
			.toList();
	}

}
