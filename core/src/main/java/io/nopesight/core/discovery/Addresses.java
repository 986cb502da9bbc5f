package io.nopesight.core.discovery;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.IpAddresses;

/**
 * What counts as an IP address, a MAC address and a hostname that identifies something.
 */
final class Addresses {

	private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");

	private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_-]{1,63})*\\.?");

	// names that many unrelated machines carry, so they identify nothing
	private static final Set<String> GENERIC = Set.of("localhost", "localhost.localdomain", "localhost6",
			"localhost6.localdomain6", "unknown", "unknown-device", "unknown-host", "none", "null", "(none)", "-",
			"n/a", "na", "host", "device", "default", "router", "switch", "ubuntu", "debian", "raspberrypi", "android",
			"iphone", "dhcp", "client", "desktop", "laptop", "pc", "computer", "localdomain", "server");

	// MACs that are not a NIC's own
	private static final Set<String> GENERIC_MACS = Set.of("00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF");

	private Addresses() {
	}

	static boolean isMac(String value) {
		return MAC.matcher(value).matches();
	}

	static String normalizeMac(String value) {
		return value.replace('-', ':').toUpperCase(Locale.ROOT);
	}

	static boolean isHostname(String value) {
		return value.length() <= 253 && HOSTNAME.matcher(value).matches();
	}

	/**
	 * The hostname if it can identify a host: not empty, not an IP address, not a name many machines share.
	 */
	static @Nullable String identifying(@Nullable String hostname) {
		if (hostname == null) {
			return null;
		}
		String name = hostname.strip().toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.isEmpty() || IpAddresses.isValid(name) || GENERIC.contains(name) || GENERIC.contains(label(name))
				&& name.endsWith(".localdomain")) {
			return null;
		}
		return name;
	}

	static @Nullable String identifyingMac(@Nullable String mac) {
		return (mac == null || GENERIC_MACS.contains(mac)) ? null : mac;
	}

	/**
	 * The first label of a hostname ({@code prod-web-01} of {@code prod-web-01.corp.example}).
	 */
	static String label(String hostname) {
		int dot = hostname.indexOf('.');
		return ((dot < 0) ? hostname : hostname.substring(0, dot)).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether two identifying hostnames name the same host: equal, or one is the short form of the other.
	 */
	static boolean sameHost(String a, String b) {
		String x = a.toLowerCase(Locale.ROOT);
		String y = b.toLowerCase(Locale.ROOT);
		if (x.equals(y)) {
			return true;
		}
		boolean xShort = x.indexOf('.') < 0;
		boolean yShort = y.indexOf('.') < 0;
		return (xShort || yShort) && label(x).equals(label(y));
	}

}
