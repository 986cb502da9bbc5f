package io.nopesight.api.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.analytics.AnomalyEpisode;
import io.nopesight.analytics.AnomalyReport;
import io.nopesight.analytics.FleetForecast;
import io.nopesight.analytics.FleetForecastRequest;
import io.nopesight.analytics.ForecastRequest;
import io.nopesight.analytics.Forecasts;
import io.nopesight.analytics.Horizons;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.core.metric.MetricStep;

/**
 * Capacity forecasts and anomalies of CI metrics.
 */
@Tag(name = "Forecasts")
@RestController
class ForecastController {

	private static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

	private final Forecasts forecasts;

	private final Clock clock;

	ForecastController(Forecasts forecasts, Clock clock) {
		this.forecasts = forecasts;
		this.clock = clock;
	}

	@GetMapping("/v1/cmdb/ci/{id}/forecast")
	@RequiredScope("cmdb.read")
	@Operation(summary = "Forecast a CI's metric, with intervals and projected exhaustion",
			description = "Chooses among seasonal naive, linear trend, the ETS family, AR, a robust seasonal profile and a "
					+ "combination of the best by rolling-origin backtest error (MASE), and answers points with 80% and 95% "
					+ "intervals. `projected_exhaustion` is when the point forecast first reaches `threshold` (100 by "
					+ "default), `exhaustion_interval` when the 80% band's upper and lower bounds do. A series too short, "
					+ "gappy or noisy for the horizon is answered `predictable: false` with the `reason`. `as_of` forecasts "
					+ "from the data up to that instant. `step` 5m, 1h (default up to 30 days ahead) or 1d.")
	ForecastResponse forecast(@PathVariable String id, @RequestParam(required = false) @Nullable String metric,
			@Parameter(description = "how far ahead: 12h, 30d, 2w (1h to 365d)") @RequestParam(
					required = false) @Nullable String horizon,
			@RequestParam(required = false) @Nullable String step,
			@RequestParam(name = "as_of", required = false) @Nullable String asOf,
			@RequestParam(required = false) @Nullable Double threshold) {
		return ForecastResponse.from(this.forecasts.forecast(new ForecastRequest(id, Objects.requireNonNullElse(metric, ""),
				Horizons.parse("horizon", horizon, DEFAULT_HORIZON), step(step), Timestamps.parseField("as_of", asOf),
				threshold)));
	}

	@PostMapping("/v1/forecasts")
	@RequiredScope("cmdb.read")
	@Operation(summary = "Forecast many CIs at once",
			description = "Names the CIs by `ci_ids`, or by `ci_type` and/or `environment` (at most 1000), and the "
					+ "`metrics`; answers each CI and metric as the single forecast does, soonest exhaustion first. "
					+ "Fitted models are cached per series until it has new data.")
	FleetResponse fleet(@RequestBody(required = false) @Nullable FleetForecastBody body) {
		if (body == null) {
			throw new InvalidInputException("body", "a JSON body is required, e.g. {\"ci_type\": \"server\", "
					+ "\"metrics\": [\"disk_usage\"], \"horizon\": \"30d\"}");
		}
		long start = System.nanoTime();
		FleetForecast fleet = this.forecasts.forecast(new FleetForecastRequest(
				Objects.requireNonNullElse(body.ciIds(), List.of()), body.ciType(), body.environment(), body.allMetrics(),
				Horizons.parse("horizon", body.horizon(), DEFAULT_HORIZON), step(body.step()),
				Timestamps.parseField("as_of", body.asOf()), body.threshold()));
		List<ForecastResponse> data = fleet.forecasts().stream().map(ForecastResponse::from).toList();
		long exhausting = fleet.forecasts().stream().filter((f) -> f.exhaustion() != null
				&& f.exhaustion().expected() != null).count();
		return new FleetResponse(data, new FleetMeta(data.size(), exhausting, fleet.fitted(), fleet.fromCache(),
				(System.nanoTime() - start) / 1_000_000));
	}

	@GetMapping("/v1/cmdb/ci/{id}/anomalies")
	@RequiredScope("cmdb.read")
	@Operation(summary = "Anomalies of a CI's metric",
			description = "Points of `[from, to)` (default: the last 7 days) outside the 99% interval of one-step-ahead "
					+ "forecasts of a model fitted to the history before `from`, merged into episodes, largest first.")
	AnomalyResponse anomalies(@PathVariable String id, @RequestParam(required = false) @Nullable String metric,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		Instant end = Objects.requireNonNullElseGet(Timestamps.parseField("to", to), this.clock::instant);
		Instant begin = Objects.requireNonNullElse(Timestamps.parseField("from", from), end.minus(Duration.ofDays(7)));
		AnomalyReport report = this.forecasts.anomalies(id, Objects.requireNonNullElse(metric, ""), begin, end);
		return new AnomalyResponse(report.ciId(), report.metric(), report.from(), report.to(), report.model(),
				report.pointsChecked(), report.episodes());
	}

	private static @Nullable MetricStep step(@Nullable String step) {
		if (step == null || step.isBlank()) {
			return null;
		}
		return MetricStep.fromValue(step.strip())
			.orElseThrow(() -> new InvalidInputException("step", "Invalid step '" + step + "': use 5m, 1h or 1d"));
	}

	record FleetResponse(List<ForecastResponse> data, FleetMeta meta) {
	}

	/** How many forecasts, how many reach the line, how many models were fitted and reused, and the time taken. */
	record FleetMeta(int count, long exhausting, int fitted, int fromCache, long elapsedMs) {
	}

	record AnomalyResponse(String ciId, String metric, Instant from, Instant to, String model, int pointsChecked,
			List<AnomalyEpisode> episodes) {
	}

}
