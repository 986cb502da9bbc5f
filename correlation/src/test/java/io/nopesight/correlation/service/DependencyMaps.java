package io.nopesight.correlation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.nopesight.correlation.service.DependencyMap.Edge;
import io.nopesight.correlation.service.DependencyMap.Health;
import io.nopesight.correlation.service.DependencyMap.Kind;
import io.nopesight.correlation.service.DependencyMap.Node;
import io.nopesight.correlation.service.DependencyMap.Style;

/**
 * Maps to draw: the Customer Portal of the demo estate, and a generated service of 200 boxes.
 */
final class DependencyMaps {

	private DependencyMaps() {
	}

	static DependencyMap customerPortal() {
		List<Node> nodes = List.of(node("svc-portal", "Customer Portal", "business service", Kind.SERVICE,
				Health.DEGRADED),
				node("web", "Customer Portal Web", "web_server", Kind.COMPONENT, Health.HEALTHY),
				node("api", "Customer Portal API", "api", Kind.COMPONENT, Health.DEGRADED),
				node("db", "customers-db", "database", Kind.COMPONENT, Health.HEALTHY),
				node("lb", "LB-01", "load_balancer", Kind.COMPONENT, Health.HEALTHY),
				node("web-01", "PROD-WEB-01", "server", Kind.INFRASTRUCTURE, Health.HEALTHY),
				node("app-03", "PROD-APP-03", "server", Kind.INFRASTRUCTURE, Health.DEGRADED),
				node("db-02", "PROD-DB-02", "server", Kind.INFRASTRUCTURE, Health.HEALTHY),
				node("esx-01", "VMWARE-HOST-01", "hypervisor", Kind.INFRASTRUCTURE, Health.UNKNOWN),
				node("svc-auth", "Authentication Service", "required · full_outage", Kind.UPSTREAM_SERVICE,
						Health.HEALTHY),
				node("svc-orders", "Order Fulfilment", "required · degraded_functionality", Kind.UPSTREAM_SERVICE,
						Health.DOWN),
				node("svc-partner", "Partner Self-Service", "optional · degraded_functionality",
						Kind.DOWNSTREAM_SERVICE, Health.DEGRADED));
		List<Edge> edges = List.of(edge("svc-portal", "lb", "", Style.COMPONENT),
				edge("svc-portal", "web", "", Style.COMPONENT), edge("svc-portal", "api", "", Style.COMPONENT),
				edge("svc-portal", "db", "", Style.COMPONENT), edge("lb", "web", "balances", Style.DEPENDS_ON),
				edge("web", "api", "calls", Style.DEPENDS_ON), edge("api", "db", "queries", Style.DEPENDS_ON),
				edge("web", "web-01", "", Style.RUNS_ON), edge("api", "app-03", "", Style.RUNS_ON),
				edge("db", "db-02", "", Style.RUNS_ON), edge("web-01", "esx-01", "", Style.RUNS_ON),
				edge("app-03", "esx-01", "", Style.RUNS_ON), edge("db-02", "esx-01", "", Style.RUNS_ON),
				edge("svc-portal", "svc-auth", "full_outage", Style.REQUIRED),
				edge("svc-portal", "svc-orders", "degraded_functionality", Style.REQUIRED),
				edge("svc-partner", "svc-portal", "degraded_functionality", Style.OPTIONAL));
		return new DependencyMap("Customer Portal: dependency map", nodes, edges);
	}

	/**
	 * A service of 20 components on 80 virtual machines, on 60 hypervisors that use 10 storage arrays
	 * (labelled arrows) and 10 switches, all fed by 10 power units; 5 services it uses and 4 that use it.
	 */
	static DependencyMap twoHundredNodes() {
		Random random = new Random(13);
		List<Node> nodes = new ArrayList<>();
		List<Edge> edges = new ArrayList<>();
		String[] roles = { "api", "web_server", "database", "queue", "cache", "batch", "load_balancer" };
		nodes.add(node("svc", "Payments Platform", "business service", Kind.SERVICE, Health.DEGRADED));
		for (int i = 0; i < 20; i++) {
			String role = roles[i % roles.length];
			nodes.add(node("c" + i, "payments-" + role.replace('_', '-') + "-" + (i + 1), role, Kind.COMPONENT,
					health(random)));
			edges.add(edge("svc", "c" + i, "", Style.COMPONENT));
		}
		for (int i = 0; i < 80; i++) {
			nodes.add(node("vm" + i, "PROD-VM-%03d".formatted(i + 1), "virtual_machine", Kind.INFRASTRUCTURE,
					health(random)));
			edges.add(edge("c" + (i / 4), "vm" + i, "", Style.RUNS_ON));
		}
		for (int i = 0; i < 60; i++) {
			nodes.add(node("esx" + i, "ESX-HOST-%02d".formatted(i + 1), "hypervisor", Kind.INFRASTRUCTURE,
					health(random)));
		}
		for (int i = 0; i < 80; i++) {
			edges.add(edge("vm" + i, "esx" + (i * 7 % 60), "", Style.RUNS_ON));
		}
		for (int i = 0; i < 10; i++) {
			nodes.add(node("san" + i, "SAN-ARRAY-%02d".formatted(i + 1), "storage", Kind.INFRASTRUCTURE,
					health(random)));
			nodes.add(node("sw" + i, "CORE-SW-%02d".formatted(i + 1), "network_switch", Kind.INFRASTRUCTURE,
					health(random)));
			nodes.add(node("pdu" + i, "PDU-RACK-%02d".formatted(i + 1), "power", Kind.INFRASTRUCTURE,
					health(random)));
			edges.add(edge("san" + i, "pdu" + i, "", Style.DEPENDS_ON));
			edges.add(edge("sw" + i, "pdu" + i, "", Style.DEPENDS_ON));
		}
		for (int i = 0; i < 60; i++) {
			edges.add(edge("esx" + i, "san" + (i % 10), "iSCSI", Style.DEPENDS_ON));
			edges.add(edge("esx" + i, "sw" + (i / 6), "", Style.DEPENDS_ON));
		}
		for (int i = 0; i < 5; i++) {
			boolean required = i < 3;
			String impact = (i % 2 == 0) ? "full_outage" : "degraded_functionality";
			nodes.add(node("up" + i, "Upstream Service " + (i + 1), (required ? "required · " : "optional · ") + impact,
					Kind.UPSTREAM_SERVICE, health(random)));
			edges.add(edge("svc", "up" + i, impact, required ? Style.REQUIRED : Style.OPTIONAL));
		}
		for (int i = 0; i < 4; i++) {
			nodes.add(node("down" + i, "Downstream Service " + (i + 1), "required · full_outage",
					Kind.DOWNSTREAM_SERVICE, health(random)));
			edges.add(edge("down" + i, "svc", "full_outage", Style.REQUIRED));
		}
		return new DependencyMap("Payments Platform: dependency map", nodes, edges);
	}

	private static Health health(Random random) {
		int roll = random.nextInt(100);
		if (roll < 80) {
			return Health.HEALTHY;
		}
		return (roll < 90) ? Health.DEGRADED : (roll < 95) ? Health.DOWN : Health.UNKNOWN;
	}

	static Node node(String id, String label, String detail, Kind kind, Health health) {
		return new Node(id, label, detail, kind, health);
	}

	static Edge edge(String from, String to, String label, Style style) {
		return new Edge(from, to, label, style);
	}

}
