package io.nopesight.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.Exhaustion;
import io.nopesight.analytics.agent.CapacityAdvice.Recommendation;
import io.nopesight.reporting.CapacityAdvisor.Advice;
import io.nopesight.reporting.CapacityFigures.Figures;
import io.nopesight.reporting.CapacityReport.UpgradeRow;
import io.nopesight.reporting.JdbcInventoryReads.CiRef;

/**
 * Writes the capacity report's lines: a metric's figures as words and dates in the reader's zone, and a CI's
 * recommendation (the agent's upgrade, or from the forecast when the agent has none for it).
 */
final class CapacityLines {

	private static final Map<String, String> LABELS = Map.of("cpu_usage", "CPU", "memory_usage", "Memory",
			"disk_usage", "Disk");

	private final ReportTimes times;

	private final Duration horizon;

	private final Advice advice;

	CapacityLines(ReportTimes times, Duration horizon, Advice advice) {
		this.times = times;
		this.horizon = horizon;
		this.advice = advice;
	}

	static String label(String metric) {
		return LABELS.getOrDefault(metric, metric);
	}

	CapacityRow row(CiRef ci, String metric, @Nullable Figures figures, String recommendation) {
		Figures known = (figures != null) ? figures : new Figures();
		CapacityForecast forecast = known.forecast;
		return new CapacityRow(ci.name(), ci.environment(), ci.location(), label(metric),
				(known.summary != null) ? known.summary.avg() : null, (known.summary != null) ? known.summary.max() : null,
				known.trendPerDay, exhaustion(forecast), interval(forecast),
				(forecast != null && forecast.model() != null) ? forecast.model().name() : "", recommendation);
	}

	List<UpgradeRow> upgrades(List<CiRef> cis) {
		List<UpgradeRow> rows = new ArrayList<>();
		for (CiRef ci : cis) {
			Recommendation recommendation = this.advice.byCi().get(ci.id());
			if (recommendation != null) {
				rows.add(UpgradeRow.of(recommendation));
			}
		}
		return rows;
	}

	static String upgrade(Recommendation recommendation) {
		return recommendation.recommendedUpgrade()
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private String exhaustion(@Nullable CapacityForecast forecast) {
		if (forecast == null) {
			return "no samples";
		}
		if (!forecast.predictable()) {
			return "not predictable";
		}
		Exhaustion exhaustion = forecast.exhaustion();
		if (exhaustion == null) {
			return "not within " + this.horizon.toDays() + "d";
		}
		return (exhaustion.expected() != null) ? this.times.day(exhaustion.expected()) : "only the band reaches it";
	}

	private String interval(@Nullable CapacityForecast forecast) {
		if (forecast == null) {
			return "";
		}
		if (!forecast.predictable()) {
			String reason = (forecast.reason() != null) ? forecast.reason() : "";
			int colon = reason.indexOf(':');
			return (colon > 0) ? reason.substring(0, colon) : reason;
		}
		Exhaustion exhaustion = forecast.exhaustion();
		if (exhaustion == null) {
			return "";
		}
		String latest = (exhaustion.latest() != null) ? this.times.day(exhaustion.latest())
				: "after " + this.horizon.toDays() + "d";
		return this.times.day(exhaustion.earliest()) + " – " + latest;
	}

	/**
	 * What is recommended for the CI, from the figures of its metrics; always a sentence, so that the CSV line of
	 * every metric of the CI carries the CI's own recommendation.
	 */
	String recommendation(CiRef ci, List<@Nullable Figures> ofCi) {
		Recommendation recommendation = this.advice.byCi().get(ci.id());
		if (recommendation != null) {
			return "Upgrade " + upgrade(recommendation) + " (" + String.format(ReportFilling.LOCALE, "%,d",
					recommendation.estimatedCost()) + " " + this.advice.currency() + "): " + recommendation.reasoning();
		}
		if (!this.advice.byCi().isEmpty() || this.advice.question() != null) {
			return "No upgrade needed within " + this.horizon.toDays() + " days.";
		}
		List<String> full = new ArrayList<>();
		for (Figures figures : ofCi) {
			CapacityForecast forecast = (figures != null) ? figures.forecast : null;
			Exhaustion exhaustion = (forecast != null) ? forecast.exhaustion() : null;
			if (forecast != null && exhaustion != null && exhaustion.expected() != null) {
				full.add(label(forecast.metric()).toLowerCase(ReportFilling.LOCALE) + " (full on "
						+ this.times.day(exhaustion.expected()) + ")");
			}
		}
		return full.isEmpty() ? "No upgrade needed within " + this.horizon.toDays() + " days by the forecasts."
				: "Add capacity: " + String.join(", ", full) + ".";
	}

}
