/**
 * Forecasts and anomalies over HTTP: one CI's metric, many CIs at once, and the anomalies of a window.
 */
@NullMarked
package io.nopesight.api.forecast;

import org.jspecify.annotations.NullMarked;
