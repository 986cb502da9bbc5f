package io.nopesight.core.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.discovery.JdbcProcessConnectionRepository.ConnectionRow;
import io.nopesight.core.discovery.ProcessConnections.InferredDependency;

/**
 * Turns observed connections into host-to-host dependencies. The server side of a connection is the host
 * that listens on the port (from the agents' listening lists), else the side with the well-known (lower,
 * non-ephemeral) port. Monitoring scrapes (exporters, SNMP, agents polled by a monitoring server) are not
 * dependencies, and neither are connections whose server port is ephemeral (nothing listens there for long).
 * Confidence grows with how often, how long and on how many ports the traffic was seen.
 */
final class DependencyInference {

	static final int EPHEMERAL_FROM = 32768;

	static final double MIN_CONFIDENCE = 0.3;

	private static final Set<Integer> MONITORING_PORTS = Set.of(161, 162, 199, 4949, 5666, 9100, 9101, 9102, 9104,
			9113, 9115, 9117, 9121, 9182, 9187, 9216, 9256, 9400, 10050, 10051, 19100);

	private static final Pattern MONITORING_PROCESS = Pattern.compile(
			".*(_exporter|exporter\\.exe|^prometheus|^zabbix|^nagios|^icinga|^telegraf|^collectd|^snmpd|^nrpe|^datadog|^grafana-agent|^vmagent|^node_exporter).*");

	private DependencyInference() {
	}

	/**
	 * @param ciByIp the host CI carrying an address, or null
	 * @param listeners the process listening on (ci id, port), or null
	 */
	static List<InferredDependency> infer(List<ConnectionRow> rows, Function<String, @Nullable String> ciByIp,
			ListenerLookup listeners) {
		Map<String, Edge> edges = new LinkedHashMap<>();
		for (ConnectionRow row : rows) {
			String client;
			String server;
			int port;
			String clientProcess;
			String serverProcess;
			String remoteCi = ciByIp.apply(row.remoteIp());
			String remoteListener = (remoteCi != null) ? listeners.process(remoteCi, row.remotePort()) : null;
			if (row.localListener() != null || (remoteListener == null && row.localPort() < row.remotePort()
					&& row.localPort() < EPHEMERAL_FROM)) {
				client = remoteCi;
				server = row.ciId();
				port = row.localPort();
				clientProcess = null;
				serverProcess = (row.localListener() != null) ? row.localListener() : row.processName();
			}
			else if (remoteListener != null || row.remotePort() < EPHEMERAL_FROM) {
				client = row.ciId();
				server = remoteCi;
				port = row.remotePort();
				clientProcess = row.processName();
				serverProcess = remoteListener;
			}
			else {
				continue; // ephemeral on both sides: nothing listens there for long
			}
			if (client == null || server == null || client.equals(server)
					|| monitoring(port, clientProcess, serverProcess)) {
				continue;
			}
			Edge edge = edges.computeIfAbsent(client + "\u0000" + server, (k) -> new Edge(k.split("\u0000")[0],
					k.split("\u0000")[1]));
			int clientPort = (port == row.localPort()) ? row.remotePort() : row.localPort();
			edge.add(port, clientProcess, serverProcess, clientPort, row.observedAt());
		}
		List<InferredDependency> inferred = new ArrayList<>();
		for (Edge edge : edges.values()) {
			double confidence = edge.confidence();
			if (confidence >= MIN_CONFIDENCE) {
				inferred.add(new InferredDependency(edge.client, edge.server, List.copyOf(edge.ports),
						List.copyOf(edge.clientProcesses), List.copyOf(edge.serverProcesses), edge.connections.size(),
						confidence));
			}
		}
		return inferred;
	}

	static boolean monitoring(int port, @Nullable String clientProcess, @Nullable String serverProcess) {
		return MONITORING_PORTS.contains(port) || isMonitoringProcess(clientProcess)
				|| isMonitoringProcess(serverProcess);
	}

	private static boolean isMonitoringProcess(@Nullable String process) {
		return process != null && MONITORING_PROCESS.matcher(process.toLowerCase(Locale.ROOT)).matches();
	}

	/**
	 * The process listening on a port of a CI.
	 */
	interface ListenerLookup {

		@Nullable String process(String ciId, int port);

	}

	private static final class Edge {

		final String client;

		final String server;

		final TreeSet<Integer> ports = new TreeSet<>();

		final TreeSet<String> clientProcesses = new TreeSet<>();

		final TreeSet<String> serverProcesses = new TreeSet<>();

		// a connection both agents report (each end of it) counts once: the client's port and the time
		final Set<String> connections = new HashSet<>();

		final TreeSet<Instant> observedAt = new TreeSet<>();

		Edge(String client, String server) {
			this.client = client;
			this.server = server;
		}

		void add(int port, @Nullable String clientProcess, @Nullable String serverProcess, int clientPort, Instant at) {
			this.connections.add(clientPort + "@" + at);
			this.ports.add(port);
			if (clientProcess != null) {
				this.clientProcesses.add(clientProcess);
			}
			if (serverProcess != null) {
				this.serverProcesses.add(serverProcess);
			}
			this.observedAt.add(at);
		}

		/**
		 * Grows with how often (observations), how long (first to last sighting) and on how many ports the
		 * traffic was seen.
		 */
		double confidence() {
			int n = this.connections.size();
			double hours = Duration.between(this.observedAt.first(), this.observedAt.last()).toMinutes() / 60.0;
			double frequency = 1 - Math.exp(-n / 3.0);
			double duration = Math.min(1, hours / 6);
			double ports = Math.min(1, (this.ports.size() - 1) / 2.0);
			double value = 0.2 + 0.5 * frequency + 0.2 * duration + 0.1 * ports;
			return Math.round(Math.min(0.99, value) * 100) / 100.0;
		}

	}

}
