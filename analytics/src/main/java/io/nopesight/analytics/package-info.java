/**
 * Capacity forecasts and anomalies of the metrics the CMDB's CIs report. {@link io.nopesight.analytics.Forecasts}
 * is the module's interface for both: per series it fits a set of candidate models (seasonal naive, linear and
 * damped trend, the ETS family, AR, a robust seasonal profile, a combination of the best), keeps the one with
 * the least rolling-origin backtest error (MASE), and answers points with 80% and 95% intervals, the projected
 * exhaustion of a capacity line, or {@code predictable: false} with the reason. The models live in
 * {@code internal}; the agents, which read forecasts through this interface, in {@code agent}.
 */
@NullMarked
package io.nopesight.analytics;

import org.jspecify.annotations.NullMarked;
