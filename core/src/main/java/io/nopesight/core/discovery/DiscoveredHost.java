package io.nopesight.core.discovery;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One host as a scanner saw it. {@code macAddress} is upper-case with colons; {@code openPorts} sorted;
 * {@code services} what was identified on open ports, by port; {@code osCpe} the CPE names of the operating
 * system guessed.
 */
public record DiscoveredHost(String ipAddress, @Nullable String hostname, @Nullable String macAddress,
		@Nullable String serialNumber, List<Integer> openPorts, @Nullable String osGuess,
		List<DiscoveredService> services, List<String> osCpe) {

	public DiscoveredHost {
		openPorts = List.copyOf(openPorts);
		services = services.stream()
			.sorted(Comparator.comparingInt(DiscoveredService::port).thenComparing(DiscoveredService::protocol))
			.toList();
		osCpe = List.copyOf(osCpe);
	}

	/**
	 * A host with no service or operating-system details.
	 */
	public DiscoveredHost(String ipAddress, @Nullable String hostname, @Nullable String macAddress,
			@Nullable String serialNumber, List<Integer> openPorts, @Nullable String osGuess) {
		this(ipAddress, hostname, macAddress, serialNumber, openPorts, osGuess, List.of(), List.of());
	}

}
