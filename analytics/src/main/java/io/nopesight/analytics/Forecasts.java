package io.nopesight.analytics;

import java.time.Instant;

/**
 * Forecasts and anomalies of CI metrics, read through the metric store (hourly and daily roll-ups for long
 * windows). Fitted models are cached per series and refitted when the series has new data.
 */
public interface Forecasts {

	/**
	 * One CI's metric from the data up to {@code as_of} (now when not given).
	 * @throws io.nopesight.core.cmdb.ConfigurationItemNotFoundException when the CI does not exist
	 * @throws io.nopesight.core.InvalidInputException when the metric, horizon or step is out of range
	 */
	CapacityForecast forecast(ForecastRequest request);

	/**
	 * Many CIs at once (ids, or every CI of a type and/or environment), each metric asked for; a CI without
	 * samples of a metric is answered {@code predictable: false} for it.
	 */
	FleetForecast forecast(FleetForecastRequest request);

	/**
	 * Points of {@code [from, to)} outside the 99% interval of one-step-ahead forecasts, merged into episodes.
	 */
	AnomalyReport anomalies(String ciId, String metric, Instant from, Instant to);

}
