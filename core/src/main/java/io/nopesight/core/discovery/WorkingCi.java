package io.nopesight.core.discovery;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A CI as reconciliation of one batch sees it: its attributes as they will be written, and as they were
 * read, so only real changes are written.
 */
final class WorkingCi {

	@Nullable String id;

	String name;

	final String type;

	final Map<String, @Nullable Object> attributes;

	final Map<String, @Nullable Object> original;

	private final Set<String> otherIps;

	WorkingCi(@Nullable String id, String name, String type, Map<String, @Nullable Object> attributes,
			Set<String> allIps) {
		this.id = id;
		this.name = name;
		this.type = type;
		this.attributes = new LinkedHashMap<>(attributes);
		this.original = new LinkedHashMap<>(attributes);
		this.otherIps = new HashSet<>(allIps);
		Object ip = attributes.get("ip_address");
		if (ip != null) {
			this.otherIps.remove(ip.toString());
		}
	}

	boolean isNew() {
		return this.id == null;
	}

	boolean dirty() {
		return isNew() || !this.attributes.equals(this.original);
	}

	@Nullable String attribute(String key) {
		Object value = this.attributes.get(key);
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

	@Nullable String serial() {
		String serial = attribute("serial_number");
		return (serial != null) ? serial.strip().toLowerCase(Locale.ROOT) : null;
	}

	@Nullable String mac() {
		String mac = attribute("mac_address");
		return (mac != null) ? Addresses.identifyingMac(Addresses.normalizeMac(mac.strip())) : null;
	}

	Set<String> ips() {
		Set<String> ips = new HashSet<>(this.otherIps);
		String ip = attribute("ip_address");
		if (ip != null) {
			ips.add(ip);
		}
		return ips;
	}

	boolean hasIp(String ip) {
		return ip.equals(attribute("ip_address")) || this.otherIps.contains(ip);
	}

	/**
	 * Whether this CI answers to the hostname: its hostname attribute or its name.
	 */
	boolean answersTo(String hostname) {
		String own = Addresses.identifying(attribute("hostname"));
		if (own != null && Addresses.sameHost(own, hostname)) {
			return true;
		}
		String byName = Addresses.identifying(this.name);
		return byName != null && Addresses.sameHost(byName, hostname);
	}

	boolean hasHostname() {
		return Addresses.identifying(attribute("hostname")) != null || Addresses.identifying(this.name) != null;
	}

	@Nullable String label() {
		String own = Addresses.identifying(attribute("hostname"));
		return (own != null) ? Addresses.label(own) : null;
	}

	@Override
	public String toString() {
		return Objects.toString(this.id, "(new)") + " " + this.name;
	}

}
