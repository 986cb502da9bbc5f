package io.nopesight.core.discovery;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One host as a scanner saw it. {@code macAddress} is upper-case with colons; {@code openPorts} sorted.
 */
public record DiscoveredHost(String ipAddress, @Nullable String hostname, @Nullable String macAddress,
		@Nullable String serialNumber, List<Integer> openPorts, @Nullable String osGuess) {
}
