package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.Timestamps;
import io.nopesight.core.discovery.Identification.Change;
import io.nopesight.core.discovery.Identification.Outcome;

/**
 * Reconciles one host against a batch's candidates, in memory: identifies it, then changes the matched CI
 * only in the fields the scan knows and people have not set, or makes a new CI. Discovery remembers in
 * {@code attributes.discovery} the values it wrote, so a value that differs from it was set by a person
 * and wins.
 */
final class HostReconciler {

	static final String PROVENANCE = "discovery";

	private HostReconciler() {
	}

	static Result apply(HostCandidates batch, DiscoveredHost host, String scannerId, Instant scannedAt) {
		HostCandidates.Match match = batch.identify(host);
		if (!match.conflicts().isEmpty()) {
			return new Result(Outcome.CONFLICT, null, match.rule(),
					match.conflicts().stream().map((ci) -> Objects.toString(ci.id, ci.name)).toList(), Map.of(),
					List.of());
		}
		List<WorkingCi> touched = new ArrayList<>();
		if (match.ci() != null) {
			WorkingCi ci = match.ci();
			Map<String, Change> changes = merge(ci, host, scannerId, scannedAt);
			touched.add(ci);
			touched.addAll(moveIp(batch, ci, host.ipAddress(), changes));
			batch.add(ci);
			return new Result(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE, ci, match.rule(), List.of(),
					changes, touched);
		}
		String type = HostTypes.of(host.osGuess(), host.openPorts());
		String name = nameFor(host);
		if (batch.nameTaken(type, name)) {
			name = withIp(name, host.ipAddress());
			if (batch.nameTaken(type, name)) {
				return new Result(Outcome.CONFLICT, null, null, List.of(), Map.of(), List.of());
			}
		}
		WorkingCi ci = new WorkingCi(null, name, type, new LinkedHashMap<>(), new HashSet<>());
		Map<String, Change> changes = merge(ci, host, scannerId, scannedAt);
		touched.addAll(moveIp(batch, ci, host.ipAddress(), new LinkedHashMap<>()));
		touched.add(ci);
		batch.add(ci);
		batch.takeName(type, name);
		return new Result(Outcome.CREATE, ci, null, List.of(), changes, touched);
	}

	static String nameFor(DiscoveredHost host) {
		String hostname = (Addresses.identifying(host.hostname()) != null) ? host.hostname().strip() : null;
		if (hostname != null && hostname.endsWith(".")) {
			hostname = hostname.substring(0, hostname.length() - 1);
		}
		return (hostname != null) ? hostname : host.ipAddress();
	}

	static String withIp(String name, String ip) {
		return name.equals(ip) ? name : name + " (" + ip + ")";
	}

	/**
	 * Sets what the scan knows where the CI has nothing or what discovery itself wrote, and keeps the
	 * bookkeeping ({@code first_seen}, {@code last_seen}, {@code discovered_by}). Returns the descriptive
	 * changes; bookkeeping alone is not a change.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Change> merge(WorkingCi ci, DiscoveredHost host, String scannerId, Instant scannedAt) {
		Map<String, @Nullable Object> provenance = (ci.attributes.get(PROVENANCE) instanceof Map<?, ?> map)
				? new LinkedHashMap<>((Map<String, @Nullable Object>) map) : new LinkedHashMap<>();
		Map<String, Change> changes = new LinkedHashMap<>();
		String hostname = Addresses.identifying(host.hostname()) != null ? nameFor(host) : null;
		set(ci, provenance, changes, "ip_address", host.ipAddress());
		set(ci, provenance, changes, "mac_address", host.macAddress());
		set(ci, provenance, changes, "hostname", hostname);
		set(ci, provenance, changes, "open_ports", host.openPorts().isEmpty() ? null : host.openPorts());
		set(ci, provenance, changes, "os_guess", host.osGuess());
		set(ci, provenance, changes, "services",
				host.services().isEmpty() ? null : host.services().stream().map(DiscoveredService::toAttribute).toList());
		set(ci, provenance, changes, "os_cpe", host.osCpe().isEmpty() ? null : host.osCpe());
		if (host.serialNumber() != null) {
			set(ci, provenance, changes, "serial_number", host.serialNumber());
		}
		String seen = scannedAt.toString();
		Instant firstSeen = instant(ci.attributes.get("first_seen"));
		if (firstSeen == null || scannedAt.isBefore(firstSeen)) {
			ci.attributes.put("first_seen", seen);
		}
		Instant lastSeen = instant(ci.attributes.get("last_seen"));
		if (lastSeen == null || scannedAt.isAfter(lastSeen)) {
			ci.attributes.put("last_seen", seen);
		}
		if (ci.attribute("discovered_by") == null) {
			ci.attributes.put("discovered_by", scannerId);
		}
		if (!provenance.equals(ci.attributes.get(PROVENANCE))) {
			ci.attributes.put(PROVENANCE, provenance);
		}
		return changes;
	}

	private static void set(WorkingCi ci, Map<String, @Nullable Object> provenance, Map<String, Change> changes,
			String field, @Nullable Object value) {
		if (value == null) {
			return;
		}
		Object current = ci.attributes.get(field);
		boolean empty = current == null || current.toString().isBlank()
				|| (current instanceof List<?> list && list.isEmpty());
		if (!empty && !same(field, current, provenance.get(field))) {
			return; // set by a person: people win
		}
		if (!empty && same(field, current, value)) {
			if (!same(field, provenance.get(field), current)) {
				provenance.put(field, current);
			}
			return;
		}
		ci.attributes.put(field, value);
		provenance.put(field, value);
		changes.put(field, new Change(current, value));
	}

	private static boolean same(String field, @Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (field.equals("hostname")) {
			return Addresses.sameHost(a.toString(), b.toString());
		}
		if (field.equals("mac_address") || field.equals("serial_number")) {
			return a.toString().equalsIgnoreCase(b.toString());
		}
		return canonical(a).equals(canonical(b));
	}

	// values as read back from JSONB (its own key order, numbers of any width) compare equal to ours
	private static Object canonical(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, entry) -> sorted.put(String.valueOf(key), canonical(entry)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(HostReconciler::canonical).toList();
		}
		return String.valueOf(value);
	}

	/**
	 * The address now belongs to {@code owner}: any other CI carrying it as its IP address loses it.
	 */
	@SuppressWarnings("unchecked")
	private static List<WorkingCi> moveIp(HostCandidates batch, WorkingCi owner, String ip,
			Map<String, Change> changes) {
		List<WorkingCi> moved = new ArrayList<>();
		for (WorkingCi other : batch.withIp(ip)) {
			if (other != owner && ip.equals(other.attribute("ip_address"))) {
				other.attributes.remove("ip_address");
				if (other.attributes.get(PROVENANCE) instanceof Map<?, ?> map) {
					Map<String, @Nullable Object> provenance = new LinkedHashMap<>((Map<String, @Nullable Object>) map);
					provenance.remove("ip_address");
					other.attributes.put(PROVENANCE, provenance);
				}
				moved.add(other);
				changes.put("ip_address_moved_from:" + Objects.toString(other.id, other.name), new Change(ip, null));
			}
		}
		return moved;
	}

	// first_seen and last_seen may have been edited by people, so a value that is no time counts as unset
	private static @Nullable Instant instant(@Nullable Object value) {
		return (value != null) ? Timestamps.parse(value.toString()).orElse(null) : null;
	}

	/**
	 * What happened to one host.
	 */
	record Result(Outcome outcome, @Nullable WorkingCi ci, @Nullable IdentificationRule rule,
			List<String> conflictingIds, Map<String, Change> changes, List<WorkingCi> touched) {
	}

}
