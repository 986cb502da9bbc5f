package io.nopesight.core.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The CIs a batch of hosts could match, indexed by every key the identification rules use, and the
 * matching itself. New and changed CIs are added as the batch goes, so a host later in the batch sees them.
 */
final class HostCandidates {

	private final Map<String, List<WorkingCi>> bySerial = new HashMap<>();

	private final Map<String, List<WorkingCi>> byMac = new HashMap<>();

	private final Map<String, List<WorkingCi>> byIp = new HashMap<>();

	private final Map<String, List<WorkingCi>> byLabel = new HashMap<>();

	private final Set<String> takenNames = new HashSet<>();

	void add(WorkingCi ci) {
		index(this.bySerial, ci.serial(), ci);
		index(this.byMac, ci.mac(), ci);
		index(this.byIp, ci.attribute("ip_address"), ci);
		index(this.byLabel, ci.label(), ci);
		String byName = Addresses.identifying(ci.name);
		index(this.byLabel, (byName != null) ? Addresses.label(byName) : null, ci);
		this.takenNames.add(ci.type + "\u0000" + ci.name);
	}

	void addIps(WorkingCi ci, Set<String> ips) {
		ips.forEach((ip) -> index(this.byIp, ip, ci));
	}

	void takeName(String type, String name) {
		this.takenNames.add(type + "\u0000" + name);
	}

	boolean nameTaken(String type, String name) {
		return this.takenNames.contains(type + "\u0000" + name);
	}

	List<WorkingCi> withIp(String ip) {
		return find(this.byIp, ip, (ci) -> ci.hasIp(ip));
	}

	/**
	 * The first rule that finds anyone decides: one CI is a match, several a conflict.
	 */
	Match identify(DiscoveredHost host) {
		String serial = (host.serialNumber() != null) ? host.serialNumber().strip().toLowerCase(Locale.ROOT)
				: null;
		String mac = Addresses.identifyingMac(host.macAddress());
		String hostname = Addresses.identifying(host.hostname());
		if (serial != null) {
			Match match = decide(IdentificationRule.SERIAL_NUMBER,
					find(this.bySerial, serial, (ci) -> serial.equals(ci.serial())));
			if (match != null) {
				return match;
			}
		}
		if (mac != null) {
			Match match = decide(IdentificationRule.MAC_ADDRESS,
					find(this.byMac, mac, (ci) -> mac.equals(ci.mac()) && !contradicts(serial, ci.serial())));
			if (match != null) {
				return match;
			}
		}
		Predicate<WorkingCi> compatible = (ci) -> !contradicts(serial, ci.serial()) && !contradicts(mac, ci.mac());
		Match match = decide(IdentificationRule.IP_AND_HOSTNAME,
				find(this.byIp, host.ipAddress(), (ci) -> ci.hasIp(host.ipAddress()) && compatible.test(ci)
						&& ((hostname != null) ? ci.answersTo(hostname) : !ci.hasHostname())));
		if (match != null) {
			return match;
		}
		if (hostname != null) {
			match = decide(IdentificationRule.HOSTNAME, find(this.byLabel, Addresses.label(hostname),
					(ci) -> ci.answersTo(hostname) && compatible.test(ci)));
			if (match != null) {
				return match;
			}
		}
		return new Match(null, null, List.of());
	}

	private static boolean contradicts(@Nullable String ours, @Nullable String theirs) {
		return ours != null && theirs != null && !ours.equals(theirs);
	}

	private static @Nullable Match decide(IdentificationRule rule, List<WorkingCi> found) {
		if (found.isEmpty()) {
			return null;
		}
		return (found.size() == 1) ? new Match(found.get(0), rule, List.of()) : new Match(null, rule, found);
	}

	private static List<WorkingCi> find(Map<String, List<WorkingCi>> index, String key, Predicate<WorkingCi> test) {
		List<WorkingCi> list = index.get(key);
		if (list == null) {
			return List.of();
		}
		Set<WorkingCi> found = new LinkedHashSet<>();
		for (WorkingCi ci : list) {
			if (test.test(ci)) {
				found.add(ci);
			}
		}
		return new ArrayList<>(found);
	}

	private static void index(Map<String, List<WorkingCi>> index, @Nullable String key, WorkingCi ci) {
		if (key != null) {
			List<WorkingCi> list = index.computeIfAbsent(key, (k) -> new ArrayList<>(1));
			if (!list.contains(ci)) {
				list.add(ci);
			}
		}
	}

	/**
	 * The outcome of identification: a CI, or the CIs in conflict, or nothing.
	 */
	record Match(@Nullable WorkingCi ci, @Nullable IdentificationRule rule, List<WorkingCi> conflicts) {
	}

}
