package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemChanges;
import io.nopesight.core.cmdb.NewConfigurationItem;

@Service
class DefaultDiscoveryReconciliation implements DiscoveryReconciliation {

	static final String ACTOR = "discovery";

	// one reconciling transaction at a time, across nodes: two scans seeing the same new host must not both
	// create it. JIT off for the transaction: the chunk's statements cost enough in the planner's eyes to
	// be JIT-compiled, which took longer (~90 ms a statement) than running them (~45 ms).
	private static final String LOCK = "SELECT pg_advisory_xact_lock(5505), set_config('jit', 'off', true)";

	private final JdbcHostCandidateRepository candidates;

	private final JdbcDiscoveryScanRepository scans;

	private final CmdbManagement cmdb;

	private final JdbcClient jdbc;

	DefaultDiscoveryReconciliation(JdbcHostCandidateRepository candidates, JdbcDiscoveryScanRepository scans,
			CmdbManagement cmdb, JdbcClient jdbc) {
		this.candidates = candidates;
		this.scans = scans;
		this.cmdb = cmdb;
		this.jdbc = jdbc;
	}

	@Override
	public List<IdentificationRule> rules() {
		return List.of(IdentificationRule.values());
	}

	@Override
	@Transactional
	public ReconciliationCounts reconcile(String scanId, String scannerId, Instant scannedAt, int firstIndex,
			List<DiscoveredHost> hosts) {
		this.jdbc.sql(LOCK).query((rs) -> {
		});
		HostCandidates batch = load(hosts);
		// a set: List.contains made this quadratic in the chunk size
		Set<WorkingCi> touched = new LinkedHashSet<>();
		List<ScanConflict> conflicts = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (int i = 0; i < hosts.size(); i++) {
			DiscoveredHost host = hosts.get(i);
			HostReconciler.Result result = HostReconciler.apply(batch, host, scannerId, scannedAt);
			switch (result.outcome()) {
				case CREATE -> created++;
				case UPDATE -> updated++;
				case UNCHANGED -> unchanged++;
				case CONFLICT -> conflicts.add(new ScanConflict(firstIndex + i,
						(result.rule() != null) ? result.rule().key() : "name_taken", host, result.conflictingIds()));
			}
			touched.addAll(result.touched());
		}
		write(touched);
		this.scans.addCounts(scanId, hosts.size(), created, updated, unchanged, conflicts.size());
		this.scans.insertConflicts(scanId, conflicts);
		return new ReconciliationCounts(hosts.size(), created, updated, unchanged, conflicts.size());
	}

	@Override
	@Transactional(readOnly = true)
	public Identification identify(DiscoveredHost host, String scannerId, Instant scannedAt) {
		HostCandidates batch = load(List.of(host));
		HostReconciler.Result result = HostReconciler.apply(batch, host, scannerId, scannedAt);
		WorkingCi ci = result.ci();
		return new Identification(result.outcome(), (ci != null) ? ci.id : null, (ci != null) ? ci.name : null,
				(ci != null) ? ci.type : null, result.rule(), result.conflictingIds(), result.changes());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> ciOf(DiscoveredHost host) {
		HostCandidates.Match match = load(List.of(host)).identify(host);
		return (match.ci() != null) ? Optional.ofNullable(match.ci().id) : Optional.empty();
	}

	private HostCandidates load(List<DiscoveredHost> hosts) {
		Set<String> serials = new LinkedHashSet<>();
		Set<String> macs = new LinkedHashSet<>();
		Set<String> ips = new LinkedHashSet<>();
		Set<String> labels = new LinkedHashSet<>();
		Map<String, String[]> names = new LinkedHashMap<>();
		for (DiscoveredHost host : hosts) {
			if (host.serialNumber() != null) {
				serials.add(host.serialNumber().strip().toLowerCase(Locale.ROOT));
			}
			String mac = Addresses.identifyingMac(host.macAddress());
			if (mac != null) {
				macs.add(mac);
			}
			ips.add(host.ipAddress());
			String hostname = Addresses.identifying(host.hostname());
			if (hostname != null) {
				labels.add(Addresses.label(hostname));
			}
			// the names the host would get if it turns out new
			String type = HostTypes.of(host.osGuess(), host.openPorts());
			String name = HostReconciler.nameFor(host);
			String withIp = HostReconciler.withIp(name, host.ipAddress());
			names.put(type + '\u0000' + name, new String[] { type, name });
			names.put(type + '\u0000' + withIp, new String[] { type, withIp });
		}
		HostCandidates batch = new HostCandidates();
		for (WorkingCi ci : this.candidates.candidates(serials, macs, ips, labels)) {
			batch.add(ci);
			batch.addIps(ci, ci.ips());
		}
		this.candidates.takenNames(names.values()).forEach((taken) -> batch.takeName(taken[0], taken[1]));
		return batch;
	}

	private void write(Set<WorkingCi> touched) {
		List<WorkingCi> fresh = new ArrayList<>();
		Map<String, ConfigurationItemChanges> changes = new LinkedHashMap<>();
		Map<String, Map<String, Object>> sightings = new LinkedHashMap<>();
		for (WorkingCi ci : touched) {
			if (ci.isNew()) {
				fresh.add(ci);
			}
			else if (ci.dirty()) {
				Map<String, @Nullable Object> patch = patch(ci);
				if (CmdbManagement.SIGHTING_ATTRIBUTES.containsAll(patch.keySet()) && !patch.containsValue(null)) {
					// only seen again: no change of the CI, and a write that touches no index
					Map<String, Object> seen = new LinkedHashMap<>();
					patch.forEach((key, value) -> seen.put(key, Objects.requireNonNull(value)));
					sightings.put(ci.id, seen);
				}
				else {
					changes.put(ci.id, new ConfigurationItemChanges(null, null, null, null, patch, null));
				}
			}
		}
		if (!fresh.isEmpty()) {
			List<ConfigurationItem> created = this.cmdb.createAll(fresh.stream()
				.map((ci) -> new NewConfigurationItem(ci.name, ci.type, "active", null, ci.attributes, null))
				.toList(), ACTOR);
			for (int i = 0; i < created.size(); i++) {
				fresh.get(i).id = created.get(i).id();
			}
		}
		if (!changes.isEmpty()) {
			this.cmdb.updateAll(changes, ACTOR);
		}
		if (!sightings.isEmpty()) {
			this.cmdb.recordSightings(sightings);
		}
	}

	private static Map<String, @Nullable Object> patch(WorkingCi ci) {
		Map<String, @Nullable Object> patch = new LinkedHashMap<>();
		ci.attributes.forEach((key, value) -> {
			if (!Objects.equals(value, ci.original.get(key))) {
				patch.put(key, value);
			}
		});
		ci.original.keySet().forEach((key) -> {
			if (!ci.attributes.containsKey(key)) {
				patch.put(key, null);
			}
		});
		return patch;
	}

}
