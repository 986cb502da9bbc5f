package io.nopesight.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Forecasting settings ({@code nopesight.analytics.*}): how many fitted models the cache keeps, how many
 * series a fleet forecast fits at once, and when a series is judged unforecastable: more than
 * {@code maxGapShare} of its steps without samples, or a backtest that explains less than {@code minR2} of
 * the variance while its error exceeds {@code maxRelativeError} of the capacity line (or of the level).
 */
@ConfigurationProperties("nopesight.analytics")
record AnalyticsSettings(@DefaultValue("20000") int cacheSize, @DefaultValue("0") int fleetThreads,
		@DefaultValue("0.2") double maxGapShare, @DefaultValue("0.7") double minR2,
		@DefaultValue("0.1") double maxRelativeError) {

	int threads() {
		return (this.fleetThreads > 0) ? this.fleetThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
	}

}
