package io.nopesight.analytics.agent;

/**
 * A metric of a CI that could not be forecast honestly for the horizon, and the forecaster's reason; it gets
 * no recommendation and no date.
 */
public record UnpredictableSeries(String ciId, String name, String metric, String reason) {
}
