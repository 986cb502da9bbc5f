package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.List;

/**
 * A parsed, valid scan: the hosts it saw and, for a process scan, the one host's connections and
 * listening ports.
 */
public record ScanPayload(ScanType type, String scannerId, Instant scannedAt, ScanFormat format,
		List<DiscoveredHost> hosts, List<ObservedConnection> connections, List<ListeningPort> listening) {
}
