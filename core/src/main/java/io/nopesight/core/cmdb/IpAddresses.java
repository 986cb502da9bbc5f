package io.nopesight.core.cmdb;

import java.util.regex.Pattern;

/**
 * What counts as an IP address, wherever one comes in: an IP lookup, a scan, a CI field.
 */
public final class IpAddresses {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	// loose on purpose (::, embedded IPv4, zero compression), but every IPv6 address has at least two colons
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private IpAddresses() {
	}

	/**
	 * Whether {@code value} is a dotted IPv4 address or has the form of an IPv6 address.
	 */
	public static boolean isValid(String value) {
		return IPV4.matcher(value).matches() || (IPV6.matcher(value).matches()
				&& value.chars().filter((c) -> c == ':').count() >= 2);
	}

}
