package io.nopesight.core.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nopesight.core.InvalidInputException;

/**
 * Refuses webhook URLs that would make this server call into its own network: any address the host resolves
 * to that is loopback, link-local (cloud metadata lives there), private, unique-local, CGNAT, multicast or
 * unspecified, unless {@code nopesight.webhook.allowed-hosts} names the host or a CIDR holding the address.
 * Checked at registration and again before every attempt, since DNS may answer differently later.
 */
final class WebhookUrlGuard {

	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final List<String> allowedHosts = new ArrayList<>();

	private final List<Cidr> allowedRanges = new ArrayList<>();

	private final Resolver resolver;

	WebhookUrlGuard(List<String> allowed, Resolver resolver) {
		this.resolver = resolver;
		for (String entry : allowed) {
			String trimmed = entry.strip().toLowerCase(Locale.ROOT);
			if (trimmed.contains("/")) {
				this.allowedRanges.add(Cidr.parse(trimmed));
			}
			else if (!trimmed.isEmpty()) {
				this.allowedHosts.add(trimmed);
			}
		}
	}

	/**
	 * @throws InvalidInputException naming field {@code url} and why
	 */
	URI check(String url) {
		URI uri = parse(url);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (this.allowedHosts.contains(host)) {
			return uri;
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new InvalidInputException("url", "Host '" + host + "' does not resolve");
		}
		for (InetAddress address : addresses) {
			if (isInternal(address) && this.allowedRanges.stream().noneMatch((range) -> range.contains(address))) {
				throw new InvalidInputException("url", "Host '" + host + "' resolves to a non-public address ("
						+ address.getHostAddress() + "); allow it with NOPESIGHT_WEBHOOK_ALLOWED_HOSTS");
			}
		}
		return uri;
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("url", "Not a valid URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidInputException("url", "Only http and https URLs can receive webhooks");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			throw new InvalidInputException("url", "The URL needs a host and no user info");
		}
		return uri;
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64/10 carrier-grade NAT, 0/8 "this network", 192.0.0/24 protocol assignments
			return (first == 100 && second >= 64 && second < 128) || first == 0
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique-local (AWS metadata is fd00:ec2::254)
			return (bytes[0] & 0xfe) == 0xfc;
		}
		return false;
	}

	record Cidr(byte[] network, int bits) {

		static Cidr parse(String text) {
			String[] parts = text.split("/", 2);
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				return new Cidr(network, Integer.parseInt(parts[1]));
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("Not a CIDR in nopesight.webhook.allowed-hosts: " + text, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
