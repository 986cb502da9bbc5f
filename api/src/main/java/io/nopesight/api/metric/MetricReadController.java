package io.nopesight.api.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItemTypes;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;
import io.nopesight.core.metric.MetricSummaries;
import io.nopesight.core.metric.MetricSummary;
import io.nopesight.core.metric.MetricSummaryQuery;

/**
 * Reads a CI's series at a step, and summaries (average, minimum, peak) of metrics over a window for many
 * CIs at once.
 */
@Tag(name = "Metrics")
@RestController
class MetricReadController {

	private final MetricStore store;

	private final MetricSummaries summaries;

	private final CmdbManagement cmdb;

	MetricReadController(MetricStore store, MetricSummaries summaries, CmdbManagement cmdb) {
		this.store = store;
		this.summaries = summaries;
		this.cmdb = cmdb;
	}

	@GetMapping("/v1/cmdb/ci/{id}/metrics")
	@RequiredScope("cmdb.read")
	SeriesResponse series(@PathVariable String id, @RequestParam(required = false) @Nullable String metric,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "1h") String step, @RequestParam(defaultValue = "avg") String aggregation) {
		if (metric == null || metric.isBlank()) {
			throw new InvalidInputException("metric", "is required, e.g. metric=cpu_usage");
		}
		MetricStep parsedStep = MetricStep.fromValue(step)
			.orElseThrow(() -> new InvalidInputException("step", "Invalid step '" + step + "': use raw, 5m, 1h or 1d"));
		MetricAggregation parsedAggregation = MetricAggregation.fromValue(aggregation)
			.orElseThrow(() -> new InvalidInputException("aggregation",
					"Invalid aggregation '" + aggregation + "': use avg, min or max"));
		Instant end = Objects.requireNonNullElse(Timestamps.parseField("to", to), Instant.now());
		Instant start = Objects.requireNonNullElse(Timestamps.parseField("from", from),
				end.minus(Duration.ofDays(1)));
		this.cmdb.get(id);
		List<MetricSeries> series = this.store
			.read(new MetricSeriesQuery(id, metric.strip(), start, end, parsedStep, parsedAggregation));
		return new SeriesResponse(id, metric.strip(), start, end, parsedStep.value(), parsedAggregation.value(),
				series.stream().map((s) -> new SeriesBody(s.labels(), s.points())).toList());
	}

	@GetMapping("/v1/metrics/summary")
	@RequiredScope("cmdb.read")
	SummaryResponse summary(@RequestParam(required = false) @Nullable List<String> metric,
			@RequestParam(required = false) @Nullable List<String> ci,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		List<String> metrics = split(metric);
		if (metrics.isEmpty()) {
			throw new InvalidInputException("metric", "is required, e.g. metric=cpu_usage (repeat or comma-separate)");
		}
		List<String> ciIds = split(ci);
		String typeFilter = ConfigurationItemTypes.filter(type);
		Instant end = Objects.requireNonNullElse(Timestamps.parseField("to", to), Instant.now());
		Instant start = Objects.requireNonNullElse(Timestamps.parseField("from", from),
				end.minus(Duration.ofDays(7)));
		List<MetricSummary> found = this.summaries.summarize(new MetricSummaryQuery(metrics,
				ciIds.isEmpty() ? null : ciIds, typeFilter, start, end));
		return new SummaryResponse(start, end, found);
	}

	private static List<String> split(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.flatMap((v) -> Arrays.stream(v.split(",")))
			.map(String::strip)
			.filter((v) -> !v.isEmpty())
			.distinct()
			.toList();
	}

	record SeriesResponse(String ciId, String metric, Instant from, Instant to, String step, String aggregation,
			List<SeriesBody> series) {
	}

	record SeriesBody(Map<String, String> labels, List<MetricSeries.Point> points) {
	}

	record SummaryResponse(Instant from, Instant to, List<MetricSummary> data) {
	}

}
