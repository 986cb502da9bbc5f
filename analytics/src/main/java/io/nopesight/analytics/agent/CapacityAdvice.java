package io.nopesight.analytics.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The Infrastructure Optimizer's capacity answer: the CIs whose forecast peak (upper 80% bound) passes the
 * target utilisation within the horizon, each with the upgrade that keeps it under and its cost; within a
 * budget, the upgrades that avert the most risk, and the ones {@code deferred} with why; the series that could
 * not be forecast; the series to {@code watch}, whose expected use stays under the target but whose 80% band
 * passes it (no upgrade is sized from uncertainty alone); right-sizing proposals for idle CIs with their monthly saving; and how many CIs were read
 * ({@code cisAnalysed}) and how many had no metrics at all ({@code cisWithoutData}).
 */
public record CapacityAdvice(String summary, List<Recommendation> details, @Nullable Double confidence,
		String reasoning, Understood understood, Instant asOf, int horizonDays, double targetUtilization,
		@Nullable Double budgetLimit, long totalCost, String currency, List<Deferred> deferred,
		List<UnpredictableSeries> unpredictable, List<Watch> watch, List<RightSizingProposal> rightSizing,
		long monthlySaving, int cisAnalysed, int cisWithoutData) implements AgentResponse {

	public CapacityAdvice {
		details = List.copyOf(details);
		deferred = List.copyOf(deferred);
		unpredictable = List.copyOf(unpredictable);
		watch = List.copyOf(watch);
		rightSizing = List.copyOf(rightSizing);
	}

	/**
	 * One CI's upgrades: its current use ({@code "80%"} per resource), the earliest date a metric's point
	 * forecast reaches 100%, the upgrades chosen ({@code "+8 vCPU"}, {@code "+32GB"}), their cost, how sure the
	 * forecasts are (from their backtest error), the risk the upgrades avert, why, and each metric's outlook.
	 */
	public record Recommendation(String ciId, String name, @Nullable String environment,
			Map<String, String> currentCapacity, @Nullable String projectedExhaustion,
			Map<String, String> recommendedUpgrade, long estimatedCost, double confidence, double risk,
			String reasoning, List<MetricOutlook> outlook) {

		public Recommendation {
			currentCapacity = Collections.unmodifiableMap(new LinkedHashMap<>(currentCapacity));
			recommendedUpgrade = Collections.unmodifiableMap(new LinkedHashMap<>(recommendedUpgrade));
			outlook = List.copyOf(outlook);
		}

	}

	/**
	 * An upgrade left out of the budget, and why.
	 */
	public record Deferred(String ciId, String name, String resource, String upgrade, long estimatedCost,
			double risk, @Nullable String projectedExhaustion, String reason) {
	}

	/**
	 * A series whose point forecast stays under the target but whose upper 80% bound passes it: its current use,
	 * expected peak, upper peak, and the first day the upper bound may reach 100% (null when it does not).
	 */
	public record Watch(String ciId, String name, String metric, @Nullable Double current, double expectedPeak,
			double peakUpper80, @Nullable String mayReachCapacity, String reason) {
	}

	/**
	 * A metric's forecast as the recommendation read it: its last value, the highest upper 80% bound over the
	 * horizon, when the capacity line is reached (expected, and the 80% window: earliest, latest), and the
	 * model chosen by backtest with its error (MASE), trend per day and seasonality.
	 */
	public record MetricOutlook(String metric, @Nullable Double current, @Nullable Double peakUpper80,
			@Nullable String exhaustionExpected, @Nullable String exhaustionEarliest,
			@Nullable String exhaustionLatest, String model, double backtestMase, double trendPerDay,
			String season) {
	}

}
