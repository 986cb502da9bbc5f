package io.nopesight.analytics;

import java.util.List;

/**
 * A fleet's forecasts, most urgent exhaustion first, then the rest by CI and metric; {@code fromCache} of
 * them reused a model fitted earlier to the same data.
 */
public record FleetForecast(List<CapacityForecast> forecasts, int fitted, int fromCache) {

	public FleetForecast {
		forecasts = List.copyOf(forecasts);
	}

}
