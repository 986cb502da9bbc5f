package io.nopesight.core.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The CI type of a newly discovered host, from its OS guess and open ports.
 */
final class HostTypes {

	private static final Set<Integer> WINDOWS_SERVER_PORTS = Set.of(25, 53, 80, 88, 389, 443, 636, 1433, 3268, 3269,
			5985, 5986);

	private static final Set<Integer> NETWORK_PORTS = Set.of(23, 161, 179, 830);

	private static final Set<Integer> SERVER_PORTS = Set.of(22, 25, 53, 80, 443, 1433, 1521, 3306, 5432, 5672, 6379,
			8080, 8443, 9200, 27017);

	private static final Pattern NETWORK_OS = Pattern.compile(
			".*\\b(cisco ios|ios xe|ios xr|junos|nx-os|pan-os|fortios|routeros|cisco|juniper|switch|router|firewall|tmos|arista|mikrotik|printer|embedded)\\b.*");

	private HostTypes() {
	}

	static String of(@Nullable String osGuess, List<Integer> ports) {
		String os = (osGuess != null) ? osGuess.toLowerCase(Locale.ROOT) : "";
		if (os.contains("mac os") || os.contains("macos") || os.contains("os x")) {
			return "workstation";
		}
		if (NETWORK_OS.matcher(os).matches()) {
			return "network_device";
		}
		if (os.contains("windows")) {
			if (os.contains("server") || ports.stream().anyMatch(WINDOWS_SERVER_PORTS::contains)) {
				return "server";
			}
			return "workstation";
		}
		if (os.isEmpty() && !ports.isEmpty() && ports.stream().allMatch(NETWORK_PORTS::contains)) {
			return "network_device";
		}
		if (os.isEmpty() && ports.stream().noneMatch(SERVER_PORTS::contains) && ports.contains(3389)) {
			return "workstation";
		}
		return "server";
	}

}
