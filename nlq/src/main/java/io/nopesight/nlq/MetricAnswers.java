package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.metric.MetricSummary;

/**
 * Turns the window's figures per CI into the answer a metric question asks for: the CIs meeting its
 * condition (a list or a count), the top N by average, or one figure over every sample of the set.
 */
final class MetricAnswers {

	private final QueryPlan plan;

	private final MetricClause metric;

	MetricAnswers(QueryPlan plan, MetricClause metric) {
		this.plan = plan;
		this.metric = metric;
	}

	List<Map<String, @Nullable Object>> answer(List<MetricSummary> figures) {
		List<MetricSummary> kept = figures.stream().filter(this::meets).toList();
		return switch (this.plan.answerType()) {
			case COUNT -> List.of(Map.of("count", (long) kept.size()));
			case AGGREGATE -> aggregate(kept);
			case TOP -> kept.stream()
				.sorted(order())
				.limit(this.metric.top())
				.map(this::row)
				.toList();
			default -> kept.stream().sorted(Comparator.comparing(MetricSummary::ciName)).map(this::row).toList();
		};
	}

	/** The CIs meeting the condition: "count servers with high CPU by environment" groups these. */
	List<String> meeting(List<MetricSummary> figures) {
		return figures.stream().filter(this::meets).map(MetricSummary::ciId).toList();
	}

	private boolean meets(MetricSummary figure) {
		if (this.metric.operator() == null || this.metric.threshold() == null) {
			return true;
		}
		double value = "max".equals(this.metric.aggregation()) ? figure.max() : figure.avg();
		return this.metric.operator().equals(">") ? value > this.metric.threshold() : value < this.metric.threshold();
	}

	private Comparator<MetricSummary> order() {
		Comparator<MetricSummary> byAverage = Comparator.comparingDouble(MetricSummary::avg);
		return (this.metric.ascending() ? byAverage : byAverage.reversed()).thenComparing(MetricSummary::ciName);
	}

	private List<Map<String, @Nullable Object>> aggregate(List<MetricSummary> figures) {
		if (figures.isEmpty()) {
			return List.of();
		}
		String kind = this.metric.aggregate();
		double value;
		if ("avg".equals(kind)) {
			// the mean of every sample: each CI's average weighted by its samples
			long samples = figures.stream().mapToLong(MetricSummary::samples).sum();
			value = figures.stream().mapToDouble((f) -> f.avg() * f.samples()).sum() / samples;
		}
		else if ("min".equals(kind)) {
			value = figures.stream().mapToDouble(MetricSummary::min).min().orElseThrow();
		}
		else {
			value = figures.stream().mapToDouble(MetricSummary::max).max().orElseThrow();
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("value", round(value));
		row.put("metric", this.metric.metric());
		row.put("aggregation", kind);
		row.put("cis", figures.size());
		return new ArrayList<>(List.of(row));
	}

	private Map<String, @Nullable Object> row(MetricSummary figure) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("ci_id", figure.ciId());
		row.put("name", figure.ciName());
		row.put("type", figure.ciType());
		row.put("avg_" + this.metric.shortName(), round(figure.avg()));
		row.put("peak_" + this.metric.shortName(), round(figure.max()));
		return row;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
