package io.nopesight.core.discovery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One connection an agent saw on its host, with the process that owns it.
 */
public record ObservedConnection(String processName, @Nullable Integer pid, String localIp, int localPort,
		String remoteIp, int remotePort, String protocol, @Nullable String state, Instant observedAt) {
}
