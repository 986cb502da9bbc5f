package io.nopesight.nlq;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a question asks of a metric over a window counted back from {@code as_of}: a condition on the
 * window's average or maximum ({@code aggregation}, {@code operator}, {@code threshold}; none for a plain
 * ranking or aggregate), an order ({@code top} rows, highest first unless {@code ascending}), or one figure
 * over the whole set ({@code aggregate}: avg, max or min of every sample); or, with a {@code horizon}, the CIs
 * whose forecast reaches the threshold (100) within it, from the {@code window} of history before {@code as_of}.
 */
public record MetricClause(String metric, Duration window, @Nullable String aggregation, @Nullable String operator,
		@Nullable Double threshold, @Nullable Integer top, boolean ascending, @Nullable String aggregate,
		String from, @Nullable Duration horizon) {

	MetricClause(String metric, Duration window, @Nullable String aggregation, @Nullable String operator,
			@Nullable Double threshold, @Nullable Integer top, boolean ascending, @Nullable String aggregate,
			String from) {
		this(metric, window, aggregation, operator, threshold, top, ascending, aggregate, from, null);
	}

	/** Whether the question asks which CIs are forecast to reach the threshold within {@code horizon}. */
	public boolean predicted() {
		return this.horizon != null;
	}

	/** The short name rows carry the figures under: {@code cpu} for cpu_usage. */
	public String shortName() {
		return this.metric.replace("_usage", "");
	}

}
