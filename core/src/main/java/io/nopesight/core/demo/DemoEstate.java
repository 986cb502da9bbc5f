package io.nopesight.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * A realistic, repeatable sample estate: network gear, hypervisors, servers, databases, applications,
 * workstations and installed software, and the relationships between them; the servers' CPU, memory and disk
 * usage over the past days, and what their agents saw of the traffic between applications and databases. The
 * same seed gives the same estate.
 */
public final class DemoEstate {

	private static final String[] LOCATIONS = { "DC1-RACK-01", "DC1-RACK-02", "DC1-RACK-03", "DC2-RACK-01",
			"DC2-RACK-02" };

	private final long seed;

	private final Random random;

	private final List<Item> items = new ArrayList<>();

	private final List<Link> links = new ArrayList<>();

	private DemoEstate(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/**
	 * A CI to create: its type, name, status, attributes and custom fields.
	 */
	public record Item(String name, String type, String status, Map<String, Object> attributes,
			Map<String, Object> customFields) {
	}

	/**
	 * A relationship to create between two named items.
	 */
	public record Link(String type, String source, String target, Map<String, Object> attributes) {
	}

	/**
	 * One metric sample of a named server.
	 */
	public record Sample(String server, String metric, Instant timestamp, double value) {
	}

	/**
	 * What the agent of a named server saw: a process of it connected to a port of another server, at
	 * {@code observedAt}, and the process listening on that port there.
	 */
	public record Connection(String client, String clientProcess, String server, int port, String serverProcess,
			int clientPort, Instant observedAt) {
	}

	public static DemoEstate generate(long seed) {
		DemoEstate estate = new DemoEstate(seed);
		estate.network();
		estate.datacenter();
		estate.workstations();
		return estate;
	}

	public List<Item> items() {
		return List.copyOf(this.items);
	}

	public List<Link> links() {
		return List.copyOf(this.links);
	}

	/**
	 * Every server's {@code cpu_usage}, {@code memory_usage} and {@code disk_usage} (percent) every
	 * {@code step} over the {@code days} before {@code end}: office-hours CPU cycles, quiet weekends, noise, a
	 * few busy servers, one whose CPU climbs day by day and two whose disks fill up.
	 */
	public List<Sample> metrics(Instant end, int days, Duration step) {
		Random noise = new Random(this.seed * 31 + 7);
		List<Item> servers = this.items.stream().filter((item) -> item.type().equals("server")).toList();
		Instant start = end.minus(Duration.ofDays(days));
		List<Sample> samples = new ArrayList<>();
		for (int s = 0; s < servers.size(); s++) {
			ServerLoad load = ServerLoad.of(servers.get(s).name(), s, noise);
			for (Instant t = start; t.isBefore(end); t = t.plus(step)) {
				double elapsedDays = Duration.between(start, t).toMinutes() / 1440.0;
				ZonedDateTime at = t.atZone(ZoneOffset.UTC);
				samples.add(new Sample(load.server, "cpu_usage", t, load.cpu(at, elapsedDays, noise)));
				samples.add(new Sample(load.server, "memory_usage", t, load.memory(elapsedDays, noise)));
				samples.add(new Sample(load.server, "disk_usage", t, load.disk(elapsedDays, noise)));
			}
		}
		return samples;
	}

	/**
	 * For every application that depends on a database, the connections from the server it runs on to the
	 * server the database runs on, as the client's agent saw them in the {@code hours} before {@code end}.
	 */
	public List<Connection> connections(Instant end, int hours) {
		Map<String, String> host = new LinkedHashMap<>();
		this.links.stream().filter((l) -> l.type().equals("runs_on")).forEach((l) -> host.put(l.source(), l.target()));
		List<Connection> connections = new ArrayList<>();
		for (Link link : this.links) {
			Object port = link.attributes().get("port");
			String client = host.get(link.source());
			String server = host.get(link.target());
			if (!link.type().equals("depends_on") || !(port instanceof Integer p) || client == null || server == null
					|| client.equals(server)) {
				continue;
			}
			String clientProcess = processOf(link.source());
			String serverProcess = (p == 3306) ? "mysqld" : (p == 1433) ? "sqlservr" : "postgres";
			for (int i = 0; i < hours; i++) {
				connections.add(new Connection(client, clientProcess, server, p, serverProcess, 40000 + (i * 7919) % 20000,
						end.minus(Duration.ofHours(hours - i))));
			}
		}
		return connections;
	}

	private String processOf(String application) {
		Object language = this.items.stream()
			.filter((item) -> item.name().equals(application))
			.findFirst()
			.map((item) -> item.attributes().get("language"))
			.orElse("Java");
		return switch (String.valueOf(language)) {
			case "Go" -> application.toLowerCase().replace(' ', '-').replaceAll("[()]", "");
			case "Python" -> "python3";
			case "Node.js" -> "node";
			default -> "java";
		};
	}

	private void network() {
		add("CORE-SW-01", "network_device", "10.0.0.2", "Cisco Systems", "Nexus 9336C-FX2", "production", "IT",
				"firmware", "NX-OS 10.2");
		add("CORE-SW-02", "network_device", "10.0.0.3", "Cisco Systems", "Nexus 9336C-FX2", "production", "IT",
				"firmware", "NX-OS 10.2");
		add("EDGE-FW-01", "network_device", "10.0.0.1", "Palo Alto Networks", "PA-3220", "production", "Security",
				"firmware", "PAN-OS 11.0");
		add("LB-01", "network_device", "10.0.0.10", "F5 Networks", "BIG-IP i5800", "production", "IT", "firmware",
				"TMOS 17.1");
		for (int i = 1; i <= 6; i++) {
			add(String.format("ACC-SW-%02d", i), "network_device", "10.0.0." + (3 + i), "Juniper Networks",
					"EX4400-48T", "production", "IT", "firmware", "Junos 22.4");
			link("connects_to", String.format("ACC-SW-%02d", i), (i % 2 == 0) ? "CORE-SW-02" : "CORE-SW-01");
		}
	}

	private void datacenter() {
		for (int h = 1; h <= 6; h++) {
			String host = String.format("VMWARE-HOST-%02d", h);
			add(host, "server", "10.0.5." + h, "Dell Inc.", "PowerEdge R750", "production", "IT", "os",
					"VMware ESXi 8.0", "cpu_cores", 64, "memory_gb", 768, "disk_gb", 7680);
			link("connects_to", host, String.format("ACC-SW-%02d", 1 + (h - 1) % 6));
		}
		String[][] tiers = { { "WEB", "Ubuntu 22.04", "8", "32" }, { "APP", "Red Hat Enterprise Linux 8.9", "16", "64" },
				{ "DB", "Oracle Linux 8.8", "32", "256" }, { "MQ", "Ubuntu 22.04", "8", "32" },
				{ "K8S", "Ubuntu 24.04", "16", "128" }, { "FS", "Windows Server 2019", "4", "16" } };
		String[] environments = { "production", "staging", "development" };
		int subnet = 1;
		for (String environment : environments) {
			String prefix = environment.substring(0, (environment.equals("production") ? 4 : 3)).toUpperCase();
			int per = environment.equals("production") ? 6 : 2;
			for (String[] tier : tiers) {
				for (int n = 1; n <= per; n++) {
					String name = prefix + "-" + tier[0] + "-" + String.format("%02d", n);
					String host = String.format("VMWARE-HOST-%02d", 1 + this.random.nextInt(6));
					add(name, "server", "10.0." + subnet + "." + (10 + this.items.size() % 200), "VMware, Inc.",
							"VMware Virtual Platform", environment, tier[0].equals("DB") ? "Data" : "IT", "os", tier[1],
							"cpu_cores", Integer.parseInt(tier[2]), "memory_gb", Integer.parseInt(tier[3]), "disk_gb",
							List.of(100, 250, 500, 1000).get(this.random.nextInt(4)));
					link("runs_on", name, host);
					software(name, tier[1]);
				}
			}
			applications(prefix, environment);
			subnet++;
		}
	}

	private void applications(String prefix, String environment) {
		String[][] apps = { { "Customer Portal", "WEB", "DB", "PostgreSQL 15" }, { "Order Service", "APP", "DB", "MySQL 8.0" },
				{ "Billing", "APP", "DB", "SQL Server 2019" }, { "Identity Provider", "APP", "DB", "PostgreSQL 16" } };
		for (String[] app : apps) {
			String appName = app[0] + (environment.equals("production") ? "" : " (" + environment + ")");
			String dbName = app[0].toLowerCase().replace(' ', '-') + "-db"
					+ (environment.equals("production") ? "" : "-" + prefix.toLowerCase());
			Map<String, Object> appAttributes = new LinkedHashMap<>();
			appAttributes.put("version", (1 + this.random.nextInt(4)) + "." + this.random.nextInt(10) + ".0");
			appAttributes.put("language", List.of("Java", "Go", "Python", "Node.js").get(this.random.nextInt(4)));
			this.items.add(new Item(appName, "application", "active", appAttributes, fields(environment, "Engineering")));
			Map<String, Object> dbAttributes = new LinkedHashMap<>();
			dbAttributes.put("engine", app[3]);
			dbAttributes.put("size_gb", 20 + this.random.nextInt(900));
			this.items.add(new Item(dbName, "database", "active", dbAttributes, fields(environment, "Data")));
			link("runs_on", appName, prefix + "-" + app[1] + "-01");
			link("runs_on", dbName, prefix + "-" + app[2] + "-0" + (1 + this.random.nextInt(2)));
			link("depends_on", appName, dbName, "port", app[3].startsWith("MySQL") ? 3306
					: app[3].startsWith("SQL Server") ? 1433 : 5432);
		}
		link("depends_on", "Order Service" + suffix(environment), "Identity Provider" + suffix(environment));
		link("depends_on", "Customer Portal" + suffix(environment), "Order Service" + suffix(environment));
	}

	private static String suffix(String environment) {
		return environment.equals("production") ? "" : " (" + environment + ")";
	}

	private void software(String server, String os) {
		String[] packages = os.startsWith("Windows") ? new String[] { "Microsoft Defender 4.18", "7-Zip 23.01" }
				: new String[] { "OpenSSH 8.9", "node_exporter 1.7.0", "OpenSSL 3.0.2" };
		for (String product : packages) {
			String name = product;
			if (this.items.stream().noneMatch((i) -> i.name().equals(name) && i.type().equals("software"))) {
				Map<String, Object> attributes = new LinkedHashMap<>();
				attributes.put("vendor", product.startsWith("Microsoft") ? "Microsoft" : "Open source");
				attributes.put("version", product.substring(product.lastIndexOf(' ') + 1));
				this.items.add(new Item(name, "software", "active", attributes, Map.of()));
			}
			link("installed_on", name, server);
		}
	}

	private void workstations() {
		String[] departments = { "Finance", "Sales", "Engineering", "HR", "Support" };
		for (int i = 1; i <= 40; i++) {
			String department = departments[i % departments.length];
			boolean mac = i % 5 == 0;
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("os", mac ? "macOS 14.4" : (i % 3 == 0 ? "Windows 10 Pro" : "Windows 11 Pro"));
			attributes.put("ip_address", "10.20." + (i / 200) + "." + (20 + i));
			attributes.put("manufacturer", mac ? "Apple" : (i % 2 == 0 ? "Dell Inc." : "Lenovo"));
			attributes.put("model", mac ? "MacBook Pro 14" : (i % 2 == 0 ? "Latitude 7440" : "ThinkPad T14"));
			attributes.put("memory_gb", mac ? 32 : 16);
			attributes.put("serial_number", "WS" + (100000 + this.random.nextInt(900000)));
			Map<String, Object> custom = fields("production", department);
			custom.put("owner", "user" + i + "@corp.example");
			this.items.add(new Item(String.format("WS-%s-%03d", department.substring(0, Math.min(3, department.length())).toUpperCase(), i),
					"workstation", (i % 13 == 0) ? "inactive" : "active", attributes, custom));
		}
	}

	private void add(String name, String type, String ip, String manufacturer, String model, String environment,
			String department, Object... more) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("ip_address", ip);
		attributes.put("manufacturer", manufacturer);
		attributes.put("model", model);
		attributes.put("location", LOCATIONS[this.random.nextInt(LOCATIONS.length)]);
		attributes.put("serial_number", "SN" + (100000000 + this.random.nextInt(900000000)));
		for (int i = 0; i + 1 < more.length; i += 2) {
			attributes.put((String) more[i], more[i + 1]);
		}
		String status = (this.random.nextInt(25) == 0) ? "maintenance" : "active";
		this.items.add(new Item(name, type, status, attributes, fields(environment, department)));
	}

	private static Map<String, Object> fields(String environment, String department) {
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("environment", environment);
		custom.put("department", department);
		custom.put("cost_center", "CC-" + (1000 + Math.abs(department.hashCode() % 9)));
		return custom;
	}

	private void link(String type, String source, String target, @Nullable Object... attributes) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < attributes.length; i += 2) {
			map.put((String) attributes[i], attributes[i + 1]);
		}
		if (this.links.stream().noneMatch((l) -> l.type().equals(type) && l.source().equals(source)
				&& l.target().equals(target))) {
			this.links.add(new Link(type, source, target, map));
		}
	}

	/**
	 * How busy one server is: a base level, a daily swing and, for a few, a trend.
	 */
	private record ServerLoad(String server, double cpuBase, double cpuSwing, double cpuTrendPerDay, double memoryBase,
			double diskStart, double diskPerDay) {

		static ServerLoad of(String server, int index, Random random) {
			boolean busy = server.startsWith("PROD-DB") || server.startsWith("PROD-K8S-01");
			double cpuBase = busy ? 55 + random.nextDouble() * 15 : 8 + random.nextDouble() * 22;
			double cpuTrend = server.equals("PROD-APP-03") ? 1.6 : 0;
			double diskPerDay = server.equals("PROD-DB-02") || server.equals("PROD-FS-01") ? 1.3
					: random.nextDouble() * 0.3;
			double diskStart = (diskPerDay > 1) ? 45 + index % 5 : 20 + random.nextDouble() * 40;
			return new ServerLoad(server, cpuBase, 5 + random.nextDouble() * 20, cpuTrend,
					35 + random.nextDouble() * 35, diskStart, diskPerDay);
		}

		double cpu(ZonedDateTime at, double elapsedDays, Random random) {
			double hour = at.getHour() + at.getMinute() / 60.0;
			double office = Math.max(0, Math.sin((hour - 7) / 12 * Math.PI));
			boolean weekend = at.getDayOfWeek().getValue() >= 6;
			double value = this.cpuBase + this.cpuTrendPerDay * elapsedDays
					+ this.cpuSwing * office * (weekend ? 0.3 : 1) + random.nextGaussian() * 3;
			return percent(value);
		}

		double memory(double elapsedDays, Random random) {
			return percent(this.memoryBase + 4 * Math.sin(elapsedDays / 3) + random.nextGaussian());
		}

		double disk(double elapsedDays, Random random) {
			return percent(this.diskStart + this.diskPerDay * elapsedDays + random.nextGaussian() * 0.2);
		}

		private static double percent(double value) {
			return Math.round(Math.max(0, Math.min(100, value)) * 10) / 10.0;
		}

	}

}
