package io.nopesight.core.webhook;

/**
 * A message a node has claimed to send now: its {@code attempts} already count this one.
 */
record ClaimedDelivery(String id, String body, int attempts, StoredEndpoint endpoint) {
}
