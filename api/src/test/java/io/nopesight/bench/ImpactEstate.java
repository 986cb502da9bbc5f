package io.nopesight.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.postgresql.PGConnection;

/**
 * A data-centre estate shaped like a real one, for {@link ImpactBenchmark}: two core switches, access
 * switches in rack pairs, hypervisors and bare-metal servers wired to both switches of their pair, VMs on
 * the hypervisors, databases on VMs and bare metal, three tiers of applications (shared services, back
 * ends, front ends) running on VMs and depending on databases and on the tier below, and software products
 * installed on the servers with a long tail (a monitoring agent is on a third of them, most versions on one
 * or two). Written with COPY; with the defaults 100 000 CIs and 300 000 relationships.
 */
final class ImpactEstate {

	private static final String NOW = "2026-10-01T00:00:00Z";

	private final Random random = new Random(7);

	private final StringBuilder ciRows = new StringBuilder();

	private final StringBuilder relationshipRows = new StringBuilder();

	private final Set<String> relationships = new HashSet<>();

	// the CIs of each kind, by the names reports use
	final Map<String, List<String>> kinds = new LinkedHashMap<>();

	private int cis;

	private ImpactEstate() {
	}

	static ImpactEstate generate(int totalCis, int totalRelationships) {
		ImpactEstate estate = new ImpactEstate();
		estate.build(totalCis, totalRelationships);
		return estate;
	}

	int cis() {
		return this.cis;
	}

	int relationships() {
		return this.relationships.size();
	}

	void copyInto(Connection jdbc) throws SQLException, IOException {
		jdbc.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY configuration_item (id, name, type, status, attributes, custom_fields, created_at, "
					+ "updated_at, created_by, updated_by) FROM STDIN", new StringReader(this.ciRows.toString()));
		jdbc.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY relationship (id, type, source_id, target_id, attributes, discovered_by, confidence, "
					+ "created_at, updated_at, created_by) FROM STDIN",
					new StringReader(this.relationshipRows.toString()));
	}

	private void build(int totalCis, int totalRelationships) {
		double scale = totalCis / 100_000.0;
		List<String> core = add("core switch", "CORE-SW", "network_device", 2);
		List<String> access = add("access switch", "ACC-SW", "network_device", even(200 * scale));
		List<String> hypervisors = add("hypervisor", "HV", "server", (int) (2_000 * scale));
		List<String> metal = add("bare-metal server", "PHY", "server", (int) (2_800 * scale));
		List<String> vms = add("VM", "VM", "server", (int) (45_000 * scale));
		List<String> databases = add("database", "DB", "database", (int) (6_000 * scale));
		List<String> shared = add("application", "APP-SVC", "application", (int) (1_000 * scale));
		List<String> backends = add("application", "APP-BE", "application", (int) (4_000 * scale));
		List<String> frontends = add("application", "APP-FE", "application", (int) (7_000 * scale));
		List<String> software = add("software", "pkg", "software", totalCis - this.cis);
		for (String sw : access) {
			core.forEach((c) -> relate(sw, "connected_to", c));
		}
		for (String server : concat(hypervisors, metal)) {
			int pair = this.random.nextInt(access.size() / 2) * 2;
			relate(server, "connected_to", access.get(pair));
			relate(server, "connected_to", access.get(pair + 1));
		}
		vms.forEach((vm) -> relate(vm, "runs_on", pick(hypervisors)));
		for (int i = 0; i < databases.size(); i++) {
			relate(databases.get(i), "runs_on", (i % 3 == 2) ? pick(metal) : pick(vms));
		}
		for (int i = 0; i < shared.size(); i++) {
			application(shared.get(i), vms, 2, 2);
			relate(shared.get(i), "depends_on", pick(databases));
			// shared services mostly use older shared services; a few use a newer one, which makes cycles
			for (int n = this.random.nextInt(3); n > 0 && i > 0; n--) {
				relate(shared.get(i), "depends_on", shared.get(this.random.nextInt(i)));
			}
			if (this.random.nextInt(50) == 0) {
				relate(shared.get(i), "depends_on", pick(shared));
			}
		}
		for (String backend : backends) {
			application(backend, vms, 1, 3);
			for (int n = 1 + this.random.nextInt(2); n > 0; n--) {
				relate(backend, "depends_on", pick(databases));
			}
			for (int n = this.random.nextInt(4); n > 0; n--) {
				relate(backend, "depends_on", pick(shared));
			}
		}
		for (String frontend : frontends) {
			application(frontend, vms, 1, 3);
			for (int n = 1 + this.random.nextInt(4); n > 0; n--) {
				relate(frontend, "depends_on", pick(backends));
			}
			if (this.random.nextInt(10) < 3) {
				relate(frontend, "depends_on", pick(databases));
			}
		}
		install(software, concat(concat(hypervisors, metal), vms), totalRelationships);
	}

	// every server gets software, one product at a time round the servers, until the relationships are
	// all there; products are drawn with Zipf weights (1/rank)
	private void install(List<String> software, List<String> servers, int totalRelationships) {
		double[] cumulative = new double[software.size()];
		double sum = 0;
		for (int k = 0; k < cumulative.length; k++) {
			sum += 1.0 / (k + 1);
			cumulative[k] = sum;
		}
		for (int i = 0; this.relationships.size() < totalRelationships; i++) {
			double draw = this.random.nextDouble() * sum;
			int k = Arrays.binarySearch(cumulative, draw);
			k = (k < 0) ? -k - 1 : k;
			relate(software.get(Math.min(k, software.size() - 1)), "installed_on", servers.get(i % servers.size()));
		}
	}

	private void application(String app, List<String> vms, int min, int max) {
		for (int n = min + this.random.nextInt(max - min + 1); n > 0; n--) {
			relate(app, "runs_on", pick(vms));
		}
	}

	private List<String> add(String kind, String prefix, String type, int count) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String id = String.format("ci_%016x", this.cis * 2654435761L);
			String name = type.equals("software") ? String.format("%s-%05d %d.%d", prefix, i / 4, 1 + i % 4, i % 7)
					: String.format("%s-%05d", prefix, i + 1);
			this.ciRows.append(String.join("\t", id, name, type, "active", "{}", "{}", NOW, NOW, "bench", "bench"))
				.append('\n');
			ids.add(id);
			this.cis++;
		}
		this.kinds.computeIfAbsent(kind, (k) -> new ArrayList<>()).addAll(ids);
		return ids;
	}

	// "source type target" as the CMDB stores it; a second relationship of the same type between the same
	// CIs is not allowed, so a repeated draw is dropped
	private void relate(String source, String type, String target) {
		if (source.equals(target) || !this.relationships.add(source + "|" + target + "|" + type)) {
			return;
		}
		this.relationshipRows.append(String.format("rel_%016x\t%s\t%s\t%s\t{}\tmanual\t1.0\t%s\t%s\tbench%n",
				this.relationships.size(), type, source, target, NOW, NOW));
	}

	private String pick(List<String> ids) {
		return ids.get(this.random.nextInt(ids.size()));
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static int even(double n) {
		return Math.max(2, (int) n / 2 * 2);
	}

}
