package io.nopesight.core.discovery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItemRef;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;
import io.nopesight.core.cmdb.RelationshipManagement.Discovered;
import io.nopesight.core.database.KnownPartitions;

@Service
class DefaultProcessConnections implements ProcessConnections {

	static final String AI_AGENT = "ai_agent";

	private final JdbcProcessConnectionRepository connections;

	private final JdbcHostCandidateRepository hosts;

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	private final Duration retention;

	private final TransactionTemplate ownTransaction;

	private final KnownPartitions partitions;

	DefaultProcessConnections(JdbcProcessConnectionRepository connections, JdbcHostCandidateRepository hosts,
			CmdbManagement cmdb, RelationshipManagement relationships, PlatformTransactionManager transactions,
			@Value("${nopesight.discovery.connection-retention:90d}") Duration retention) {
		this.connections = connections;
		this.hosts = hosts;
		this.cmdb = cmdb;
		this.relationships = relationships;
		this.retention = retention;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.partitions = new KnownPartitions(() -> retention);
	}

	@Override
	@Transactional
	public void record(String scanId, String ciId, List<ObservedConnection> connections, List<ListeningPort> listening,
			Instant observedAt) {
		ensurePartitions(connections);
		this.connections.insertConnections(scanId, ciId, connections);
		this.connections.upsertListening(ciId, listening, observedAt);
	}

	private void ensurePartitions(List<ObservedConnection> connections) {
		Set<LocalDate> days = new TreeSet<>();
		connections.forEach((connection) -> days.add(LocalDate.ofInstant(connection.observedAt(), ZoneOffset.UTC)));
		if (!this.partitions.allKnown(days)) {
			// own transaction: the DDL must not wait on, or be rolled back with, the caller's write
			this.ownTransaction.executeWithoutResult((status) -> this.connections.ensurePartitions(days));
			this.partitions.remember(days);
		}
	}

	@Override
	public List<String> dropExpired(Instant now) {
		List<String> dropped = this.connections.dropPartitionsBefore(now.minus(this.retention));
		if (!dropped.isEmpty()) {
			this.partitions.forget();
		}
		return dropped;
	}

	@Override
	public List<ConnectionGroup> groups(String ciId) {
		this.cmdb.get(ciId);
		List<JdbcProcessConnectionRepository.GroupRow> rows = this.connections.groups(ciId);
		Map<String, ConfigurationItemRef> byIp = this.hosts
			.hostsByIp(rows.stream().map(JdbcProcessConnectionRepository.GroupRow::remoteIp).distinct().toList());
		List<ConnectionGroup> groups = new ArrayList<>();
		for (JdbcProcessConnectionRepository.GroupRow row : rows) {
			ConfigurationItemRef target = byIp.get(row.remoteIp());
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
	public InferenceResult inferDependencies(String ciId) {
		List<JdbcProcessConnectionRepository.ConnectionRow> rows = this.connections.involving(ciId);
		Map<String, ConfigurationItemRef> byIp = this.hosts
			.hostsByIp(rows.stream().map(JdbcProcessConnectionRepository.ConnectionRow::remoteIp).distinct().toList());
		Set<String> hosts = new HashSet<>();
		rows.forEach((row) -> hosts.add(row.ciId()));
		byIp.values().forEach((ci) -> hosts.add(ci.id()));
		Map<String, String> listeners = new HashMap<>();
		this.connections.listeners(hosts)
			.forEach((l) -> listeners.putIfAbsent(l.ciId() + ":" + l.port(), l.processName()));
		List<InferredDependency> inferred = DependencyInference.infer(rows, (ip) -> {
			ConfigurationItemRef ci = byIp.get(ip);
			return (ci != null) ? ci.id() : null;
		}, (ci, port) -> listeners.get(ci + ":" + port));
		int created = 0;
		int updated = 0;
		for (InferredDependency dependency : inferred) {
			Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
			attributes.put("port", dependency.ports().get(0));
			attributes.put("ports", dependency.ports());
			attributes.put("protocol", "TCP");
			attributes.put("client_processes", dependency.clientProcesses());
			attributes.put("server_processes", dependency.serverProcesses());
			attributes.put("observations", dependency.observations());
			// a link inferred earlier is re-weighed with the evidence so far; one set by people is kept as it is
			Discovered outcome = this.relationships.recordDiscovered(new NewRelationship("depends_on",
					dependency.clientCiId(), dependency.serverCiId(), attributes, AI_AGENT, dependency.confidence()),
					AI_AGENT);
			created += (outcome == Discovered.CREATED) ? 1 : 0;
			updated += (outcome == Discovered.UPDATED) ? 1 : 0;
		}
		return new InferenceResult(inferred.size(), created, updated, inferred);
	}

}
