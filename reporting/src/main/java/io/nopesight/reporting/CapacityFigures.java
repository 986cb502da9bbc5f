package io.nopesight.reporting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.nopesight.analytics.CapacityForecast;
import io.nopesight.analytics.FleetForecastRequest;
import io.nopesight.analytics.Forecasts;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;
import io.nopesight.core.metric.MetricSummaries;
import io.nopesight.core.metric.MetricSummary;
import io.nopesight.core.metric.MetricSummaryQuery;
import io.nopesight.reporting.JdbcInventoryReads.CiRef;

/**
 * What the capacity report says of each CI's metrics, read through core's metric store and the analytics
 * forecasts: the average and peak over the period, the trend per day (the slope of the daily averages), and the
 * fleet forecast over the horizon, as of the end of the period. CIs are read a thousand at a time, as a fleet
 * forecast takes them.
 */
@Component
class CapacityFigures {

	private static final int CHUNK = FleetForecastRequest.MAX_CIS;

	private final MetricSummaries summaries;

	private final MetricStore store;

	private final Forecasts forecasts;

	CapacityFigures(MetricSummaries summaries, MetricStore store, Forecasts forecasts) {
		this.summaries = summaries;
		this.store = store;
		this.forecasts = forecasts;
	}

	Map<Key, Figures> read(List<CiRef> cis, List<String> metrics, DateRange period, Duration horizon) {
		Map<Key, Figures> figures = new HashMap<>();
		for (int start = 0; start < cis.size(); start += CHUNK) {
			List<String> ids = cis.subList(start, Math.min(cis.size(), start + CHUNK)).stream().map(CiRef::id).toList();
			for (MetricSummary summary : this.summaries
				.summarize(new MetricSummaryQuery(metrics, ids, null, period.from(), period.to()))) {
				figures(figures, summary.ciId(), summary.metric()).summary = summary;
			}
			for (String metric : metrics) {
				for (MetricSeries series : this.store.read(new MetricSeriesQuery(ids, metric, period.from(),
						period.to(), MetricStep.DAY, MetricAggregation.AVG))) {
					Figures one = figures(figures, series.ciId(), metric);
					one.trendPerDay = slopePerDay(series.points(), one.trendPerDay);
				}
			}
			for (CapacityForecast forecast : this.forecasts.forecast(
					new FleetForecastRequest(ids, null, null, metrics, horizon, null, period.to(), null)).forecasts()) {
				figures(figures, forecast.ciId(), forecast.metric()).forecast = forecast;
			}
		}
		return figures;
	}

	private static Figures figures(Map<Key, Figures> figures, String ciId, String metric) {
		return figures.computeIfAbsent(new Key(ciId, metric), (k) -> new Figures());
	}

	/**
	 * The least-squares slope of the daily averages, in units per day; of a CI's several label sets the steepest.
	 */
	static @Nullable Double slopePerDay(List<MetricSeries.Point> points, @Nullable Double before) {
		if (points.size() < 2) {
			return before;
		}
		double t0 = points.get(0).timestamp().getEpochSecond();
		double n = points.size();
		double sumX = 0;
		double sumY = 0;
		double sumXY = 0;
		double sumXX = 0;
		for (MetricSeries.Point point : points) {
			double x = (point.timestamp().getEpochSecond() - t0) / 86_400.0;
			sumX += x;
			sumY += point.value();
			sumXY += x * point.value();
			sumXX += x * x;
		}
		double denominator = n * sumXX - sumX * sumX;
		if (denominator == 0) {
			return before;
		}
		double slope = (n * sumXY - sumX * sumY) / denominator;
		return (before == null || Math.abs(slope) > Math.abs(before)) ? slope : before;
	}

	/** A CI's metric. */
	record Key(String ciId, String metric) {
	}

	/** What was read of one CI's metric. */
	static final class Figures {

		@Nullable MetricSummary summary;

		@Nullable Double trendPerDay;

		@Nullable CapacityForecast forecast;

	}

}
