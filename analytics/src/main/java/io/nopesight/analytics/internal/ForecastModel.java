package io.nopesight.analytics.internal;

import org.jspecify.annotations.Nullable;

/**
 * A candidate model: fits a series, or answers {@code null} when it cannot (too short, values it cannot
 * model such as zeros under a multiplicative error).
 */
public interface ForecastModel {

	String name();

	/** The fewest observations it needs. */
	int minimumLength();

	@Nullable Fit fit(double[] y);

}
