package io.nopesight.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.nopesight.analytics.internal.OneStepAnomalies;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemQuery;
import io.nopesight.core.cmdb.ConfigurationItemSort;
import io.nopesight.core.cmdb.ListedConfigurationItem;
import io.nopesight.core.metric.MetricAggregation;
import io.nopesight.core.metric.MetricSeries;
import io.nopesight.core.metric.MetricSeriesQuery;
import io.nopesight.core.metric.MetricStep;
import io.nopesight.core.metric.MetricStore;

/**
 * Forecasts and anomalies read through the metric store: hourly roll-ups for the last eight weeks by
 * default, daily ones for a year when the horizon is beyond 30 days, 5-minute buckets for a week when asked.
 */
@Service
class DefaultForecasts implements Forecasts, DisposableBean {

	static final double DEFAULT_THRESHOLD = 100;

	/** Series per store read in a fleet forecast. */
	private static final int READ_CHUNK = 250;

	private final MetricStore store;

	private final CmdbManagement cmdb;

	private final Clock clock;

	private final SeriesForecaster forecaster;

	private final ExecutorService fitting;

	DefaultForecasts(MetricStore store, CmdbManagement cmdb, Clock clock, AnalyticsSettings settings) {
		this.store = store;
		this.cmdb = cmdb;
		this.clock = clock;
		this.forecaster = new SeriesForecaster(settings);
		this.fitting = Executors.newFixedThreadPool(settings.threads(), (task) -> {
			Thread thread = new Thread(task, "forecast-fitting");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void destroy() {
		this.fitting.shutdownNow();
	}

	@Override
	public CapacityForecast forecast(ForecastRequest request) {
		String metric = metric(request.metric());
		ConfigurationItem item = this.cmdb.get(request.ciId());
		Duration horizon = Horizons.check("horizon", request.horizon());
		MetricStep step = step(request.step(), horizon);
		Instant asOf = Objects.requireNonNullElseGet(request.asOf(), this.clock::instant);
		double threshold = threshold(request.threshold());
		SeriesForecaster.Ask ask = new SeriesForecaster.Ask(item.id(), metric, asOf, step, horizon, threshold);
		List<MetricSeries> series = this.store.read(new MetricSeriesQuery(item.id(), metric,
				asOf.minus(history(step)), asOf, step, MetricAggregation.AVG));
		return mostUrgent(ask, series).named(item.name());
	}

	@Override
	public FleetForecast forecast(FleetForecastRequest request) {
		List<String> metrics = request.metrics().stream().map(DefaultForecasts::metric).distinct().toList();
		if (metrics.isEmpty()) {
			throw new InvalidInputException("metrics", "at least one metric is required, e.g. [\"disk_usage\"]");
		}
		Duration horizon = Horizons.check("horizon", request.horizon());
		MetricStep step = step(request.step(), horizon);
		Instant asOf = Objects.requireNonNullElseGet(request.asOf(), this.clock::instant);
		double threshold = threshold(request.threshold());
		Map<String, String> names = cis(request);
		List<Future<SeriesForecaster.Outcome>> pending = new ArrayList<>();
		List<String> ids = new ArrayList<>(names.keySet());
		for (String metric : metrics) {
			for (int from = 0; from < ids.size(); from += READ_CHUNK) {
				List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
				Map<String, List<MetricSeries>> byCi = new LinkedHashMap<>();
				chunk.forEach((id) -> byCi.put(id, new ArrayList<>()));
				this.store
					.read(new MetricSeriesQuery(chunk, metric, asOf.minus(history(step)), asOf, step,
							MetricAggregation.AVG))
					.forEach((s) -> byCi.get(s.ciId()).add(s));
				byCi.forEach((id, series) -> {
					SeriesForecaster.Ask ask = new SeriesForecaster.Ask(id, metric, asOf, step, horizon, threshold);
					pending.add(this.fitting.submit(() -> mostUrgentOutcome(ask, series)));
				});
			}
		}
		List<CapacityForecast> forecasts = new ArrayList<>();
		int fitted = 0;
		int cached = 0;
		for (Future<SeriesForecaster.Outcome> future : pending) {
			SeriesForecaster.Outcome outcome = await(future);
			fitted += (outcome.model() == SeriesForecaster.Outcome.Model.FITTED) ? 1 : 0;
			cached += (outcome.model() == SeriesForecaster.Outcome.Model.CACHED) ? 1 : 0;
			forecasts.add(outcome.forecast().named(names.get(outcome.forecast().ciId())));
		}
		forecasts.sort(URGENCY);
		return new FleetForecast(forecasts, fitted, cached);
	}

	/** Exhaustion expected soonest first, then the earliest possible, then by CI name and metric. */
	static final Comparator<CapacityForecast> URGENCY = Comparator
		.comparing((CapacityForecast f) -> expected(f), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((CapacityForecast f) -> (f.exhaustion() != null) ? f.exhaustion().earliest() : null,
				Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((CapacityForecast f) -> Objects.requireNonNullElse(f.ciName(), f.ciId()))
		.thenComparing(CapacityForecast::metric);

	private static @Nullable Instant expected(CapacityForecast forecast) {
		return (forecast.exhaustion() != null) ? forecast.exhaustion().expected() : null;
	}

	@Override
	public AnomalyReport anomalies(String ciId, String metric, Instant from, Instant to) {
		String name = metric(metric);
		if (!from.isBefore(to)) {
			throw new InvalidInputException("from", "'from' must be before 'to'");
		}
		Duration window = Duration.between(from, to);
		if (window.compareTo(Duration.ofDays(366)) > 0) {
			throw new InvalidInputException("from", "the window can be at most 366 days");
		}
		this.cmdb.get(ciId);
		MetricStep step = (window.compareTo(Duration.ofDays(2)) <= 0) ? MetricStep.FIVE_MINUTES
				: (window.compareTo(Duration.ofDays(60)) <= 0) ? MetricStep.HOUR : MetricStep.DAY;
		Duration training = switch (step) {
			case FIVE_MINUTES -> Duration.ofDays(3);
			case HOUR -> Duration.ofDays(14);
			default -> Duration.ofDays(180);
		};
		List<MetricSeries> series = this.store
			.read(new MetricSeriesQuery(ciId, name, from.minus(training), to, step, MetricAggregation.AVG));
		List<AnomalyEpisode> episodes = new ArrayList<>();
		String model = "none: no samples";
		int checked = 0;
		for (MetricSeries one : series) {
			AnomalyScanner.Result result = AnomalyScanner.scan(one, from, step);
			if (result != null) {
				model = result.model();
				checked += result.checked();
				episodes.addAll(result.episodes());
			}
			else if (!one.points().isEmpty()) {
				model = "none: too few points to model the series";
			}
		}
		episodes.sort(Comparator.comparingDouble((AnomalyEpisode e) -> -Math.abs(e.sigmas())));
		return new AnomalyReport(ciId, name, from, to, model, checked, episodes);
	}

	private SeriesForecaster.Outcome mostUrgentOutcome(SeriesForecaster.Ask ask, List<MetricSeries> series) {
		if (series.isEmpty()) {
			return this.forecaster.forecast(ask, new MetricSeries(ask.ciId(), ask.metric(), Map.of(), List.of()));
		}
		SeriesForecaster.Outcome urgent = null;
		for (MetricSeries one : series) {
			SeriesForecaster.Outcome outcome = this.forecaster.forecast(ask, one);
			if (urgent == null || URGENCY.compare(outcome.forecast(), urgent.forecast()) < 0
					|| (!urgent.forecast().predictable() && outcome.forecast().predictable())) {
				urgent = outcome;
			}
		}
		return urgent;
	}

	private CapacityForecast mostUrgent(SeriesForecaster.Ask ask, List<MetricSeries> series) {
		return mostUrgentOutcome(ask, series).forecast();
	}

	/** The CIs a fleet request names, with their names, in name order. */
	private Map<String, String> cis(FleetForecastRequest request) {
		Map<String, String> names = new LinkedHashMap<>();
		if (!request.ciIds().isEmpty()) {
			if (request.ciIds().size() > FleetForecastRequest.MAX_CIS) {
				throw new InvalidInputException("ci_ids", "at most " + FleetForecastRequest.MAX_CIS + " CIs at once");
			}
			for (String id : request.ciIds()) {
				names.put(id, this.cmdb.get(id).name());
			}
			return names;
		}
		if (request.ciType() == null && request.environment() == null) {
			throw new InvalidInputException("ci_ids", "name the CIs: ci_ids, or a ci_type and/or an environment");
		}
		for (int page = 1;; page++) {
			var found = this.cmdb.list(new ConfigurationItemQuery(request.ciType(), null, null,
					ConfigurationItemSort.NAME, false, page, 500));
			for (ListedConfigurationItem listed : found.items()) {
				ConfigurationItem item = listed.item();
				if (request.environment() == null
						|| request.environment().equalsIgnoreCase(String.valueOf(item.customFields().get("environment")))) {
					names.put(item.id(), item.name());
				}
			}
			if (names.size() > FleetForecastRequest.MAX_CIS) {
				throw new InvalidInputException("ci_type", "more than " + FleetForecastRequest.MAX_CIS
						+ " CIs match: narrow the request with an environment or ci_ids");
			}
			if (page >= found.pages()) {
				return names;
			}
		}
	}

	private static SeriesForecaster.Outcome await(Future<SeriesForecaster.Outcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while forecasting", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static String metric(@Nullable String metric) {
		if (metric == null || metric.isBlank()) {
			throw new InvalidInputException("metric", "is required, e.g. metric=disk_usage");
		}
		return metric.strip();
	}

	private static double threshold(@Nullable Double threshold) {
		if (threshold == null) {
			return DEFAULT_THRESHOLD;
		}
		if (!Double.isFinite(threshold)) {
			throw new InvalidInputException("threshold", "threshold must be a number");
		}
		return threshold;
	}

	/** Hourly up to 30 days ahead, daily beyond; 5-minute steps only for up to a week ahead. */
	static MetricStep step(@Nullable MetricStep step, Duration horizon) {
		if (step == null) {
			return (horizon.compareTo(Duration.ofDays(30)) <= 0) ? MetricStep.HOUR : MetricStep.DAY;
		}
		if (step == MetricStep.RAW) {
			throw new InvalidInputException("step", "forecasts are made at 5m, 1h or 1d steps");
		}
		if (step == MetricStep.FIVE_MINUTES && horizon.compareTo(Duration.ofDays(7)) > 0) {
			throw new InvalidInputException("step", "5m steps reach at most 7 days ahead: use 1h or 1d");
		}
		if (step == MetricStep.HOUR && horizon.compareTo(Duration.ofDays(90)) > 0) {
			throw new InvalidInputException("step", "1h steps reach at most 90 days ahead: use 1d");
		}
		return step;
	}

	/** How much history a forecast at this step reads. */
	static Duration history(MetricStep step) {
		return switch (step) {
			case FIVE_MINUTES -> Duration.ofDays(7);
			case HOUR -> Duration.ofDays(56);
			default -> Duration.ofDays(365);
		};
	}

}
