package io.nopesight.batch.discovery;

import io.nopesight.core.discovery.DiscoveredHost;

/**
 * A host of a scan and its position in the scan.
 */
record IndexedHost(int index, DiscoveredHost host) {
}
