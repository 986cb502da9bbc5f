package io.nopesight.core.webhook;

/**
 * A message fan-out queues for one endpoint.
 */
record NewDelivery(String id, String endpointId, String eventType, String resourceKey, String body) {
}
