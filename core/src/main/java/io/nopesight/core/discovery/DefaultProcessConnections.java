package io.nopesight.core.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.ConflictException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;

@Service
class DefaultProcessConnections implements ProcessConnections {

	static final String AI_AGENT = "ai_agent";

	private static final java.util.Set<String> NOT_HOSTS = java.util.Set.of("application", "database", "software",
			"service", "business_service");

	private final JdbcProcessConnectionRepository connections;

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	DefaultProcessConnections(JdbcProcessConnectionRepository connections, CmdbManagement cmdb,
			RelationshipManagement relationships) {
		this.connections = connections;
		this.cmdb = cmdb;
		this.relationships = relationships;
	}

	@Override
	@Transactional
	public void record(String scanId, String ciId, List<ObservedConnection> connections, List<ListeningPort> listening,
			Instant observedAt) {
		this.connections.insertConnections(scanId, ciId, connections);
		this.connections.upsertListening(ciId, listening, observedAt);
	}

	@Override
	public List<ConnectionGroup> groups(String ciId) {
		this.cmdb.get(ciId);
		Map<String, @Nullable ConfigurationItem> byIp = new HashMap<>();
		List<ConnectionGroup> groups = new ArrayList<>();
		for (JdbcProcessConnectionRepository.GroupRow row : this.connections.groups(ciId)) {
			ConfigurationItem target = byIp.computeIfAbsent(row.remoteIp(), this::hostByIp);
			groups.add(new ConnectionGroup(row.processName(), row.remoteIp(), (target != null) ? target.name() : null,
					(target != null) ? target.id() : null, row.count(), row.ports(), row.firstSeen(), row.lastSeen()));
		}
		return groups;
	}

	@Override
	public Optional<ListeningPort> listening(String ciId, int port) {
		this.cmdb.get(ciId);
		return this.connections.listening(ciId, port);
	}

	@Override
	@Transactional
	public InferenceResult inferDependencies() {
		Map<String, @Nullable ConfigurationItem> byIp = new HashMap<>();
		Map<String, String> listeners = new HashMap<>();
		this.connections.listeners()
			.forEach((l) -> listeners.putIfAbsent(l.ciId() + ":" + l.port(), l.processName()));
		List<InferredDependency> inferred = DependencyInference.infer(this.connections.all(), (ip) -> {
			ConfigurationItem ci = byIp.computeIfAbsent(ip, this::hostByIp);
			return (ci != null) ? ci.id() : null;
		}, (ci, port) -> listeners.get(ci + ":" + port));
		int created = 0;
		for (InferredDependency dependency : inferred) {
			boolean exists = this.relationships.of(dependency.clientCiId())
				.stream()
				.anyMatch((r) -> r.type().equals("depends_on") && r.source().id().equals(dependency.clientCiId())
						&& r.target().id().equals(dependency.serverCiId()));
			if (exists) {
				continue;
			}
			Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
			attributes.put("port", dependency.ports().get(0));
			attributes.put("ports", dependency.ports());
			attributes.put("protocol", "TCP");
			attributes.put("client_processes", dependency.clientProcesses());
			attributes.put("server_processes", dependency.serverProcesses());
			attributes.put("observations", dependency.observations());
			try {
				this.relationships.create(new NewRelationship("depends_on", dependency.clientCiId(),
						dependency.serverCiId(), attributes, AI_AGENT, dependency.confidence()), AI_AGENT);
				created++;
			}
			catch (ConflictException ex) {
				// created meanwhile by someone else: nothing to add
			}
		}
		return new InferenceResult(inferred.size(), created, inferred);
	}

	private @Nullable ConfigurationItem hostByIp(String ip) {
		return this.cmdb.findByIp(ip).stream().filter((ci) -> !NOT_HOSTS.contains(ci.type())).findFirst().orElse(null);
	}

}
