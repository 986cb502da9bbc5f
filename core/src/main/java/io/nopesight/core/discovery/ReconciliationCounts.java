package io.nopesight.core.discovery;

/**
 * What one reconciled batch of hosts did.
 */
public record ReconciliationCounts(int hostsSeen, int created, int updated, int unchanged, int conflicts) {
}
