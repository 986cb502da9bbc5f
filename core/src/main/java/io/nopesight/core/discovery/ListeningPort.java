package io.nopesight.core.discovery;

import org.jspecify.annotations.Nullable;

/**
 * A port a process listens on, as an agent reported it.
 */
public record ListeningPort(String processName, @Nullable Integer pid, int port, String protocol,
		@Nullable String description) {
}
