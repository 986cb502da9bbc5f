package io.nopesight.core.cmdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nopesight.core.cmdb.JdbcTopologyRepository.StoredRelationship;
import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.outbox.DomainEventPage;
import io.nopesight.core.outbox.StoredDomainEvent;

/**
 * The {@link Topology}, read whole from PostgreSQL once and then kept current from the outbox: each CI or
 * relationship event re-reads the CIs it names and the relationships touching them. Readers never block;
 * a reader that runs while a change is applied sees the graph before or after it, link list by link list.
 */
class InMemoryTopology implements Topology {

	private static final Logger logger = LoggerFactory.getLogger(InMemoryTopology.class);

	static final Set<String> CARRY_FAILURE = Set.of("runs_on", "installed_on", "depends_on", "hosted_on", "uses",
			"connected_to");

	private static final String NETWORK_DEVICE = "network_device";

	private static final int BATCH = 2000;

	// the outbox also carries events, incidents and the rest, many times more of them than CMDB changes
	private static final List<String> FOLLOWED = List.of("ci.", "relationship.");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTopologyRepository repository;

	private final DomainEventOutbox outbox;

	private final Map<String, TopologyNode> nodes = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> idsByName = new ConcurrentHashMap<>();

	private final TopologyLinks links = new TopologyLinks();

	private final AtomicLong version = new AtomicLong();

	private ChangePosition position;

	InMemoryTopology(JdbcTopologyRepository repository, DomainEventOutbox outbox) {
		this.repository = repository;
		this.outbox = outbox;
		this.position = outbox.currentSafePosition();
		long started = System.nanoTime();
		repository.allNodes().forEach(this::putNode);
		Map<String, List<ImpactLink>> links = new HashMap<>();
		for (StoredRelationship relationship : repository.allRelationships()) {
			ImpactLink link = link(relationship);
			if (link != null) {
				links.computeIfAbsent(link.upstream(), (k) -> new ArrayList<>()).add(link);
				links.computeIfAbsent(link.downstream(), (k) -> new ArrayList<>()).add(link);
			}
		}
		this.links.replace(links);
		logger.info("Loaded the topology: {} CIs, {} links that carry failure, in {} ms", this.nodes.size(),
				links.values().stream().mapToInt(List::size).sum() / 2, (System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public Optional<TopologyNode> node(String ciId) {
		return Optional.ofNullable(this.nodes.get(ciId));
	}

	@Override
	public int size() {
		return this.nodes.size();
	}

	@Override
	public List<TopologyNode> byName(String name) {
		Set<String> ids = this.idsByName.get(name.strip().toLowerCase(Locale.ROOT));
		if (ids == null) {
			return List.of();
		}
		return ids.stream().map(this.nodes::get).filter((node) -> node != null).toList();
	}

	// what is upstream of a CI is a handful of CIs, and correlation asks for it on every event, so it keeps a
	// walk of its own that records distances only; downstream and impact are the interface's one traversal
	@Override
	public Map<String, Integer> upstream(String ciId, int maxDepth) {
		Map<String, Integer> depth = new LinkedHashMap<>();
		depth.put(ciId, 0);
		ArrayDeque<String> queue = new ArrayDeque<>(List.of(ciId));
		while (!queue.isEmpty()) {
			String ci = queue.poll();
			int d = depth.get(ci);
			if (d >= maxDepth) {
				continue;
			}
			for (ImpactLink link : this.links.above(ci)) {
				if (!depth.containsKey(link.upstream())) {
					depth.put(link.upstream(), d + 1);
					queue.add(link.upstream());
				}
			}
		}
		depth.remove(ciId);
		return depth;
	}

	// searched from the downstream end, upwards: what is upstream of a CI is a handful of CIs, what is
	// downstream of a switch or a hypervisor can be most of the estate
	@Override
	public List<ImpactLink> path(String upstream, String downstream, int maxDepth) {
		if (upstream.equals(downstream)) {
			return List.of();
		}
		Map<String, ImpactLink> reachedBy = new HashMap<>();
		Map<String, Integer> depth = new HashMap<>(Map.of(downstream, 0));
		ArrayDeque<String> queue = new ArrayDeque<>(List.of(downstream));
		while (!queue.isEmpty()) {
			String ci = queue.poll();
			if (depth.get(ci) >= maxDepth) {
				continue;
			}
			for (ImpactLink link : this.links.above(ci)) {
				if (!depth.containsKey(link.upstream())) {
					depth.put(link.upstream(), depth.get(ci) + 1);
					reachedBy.put(link.upstream(), link);
					if (link.upstream().equals(upstream)) {
						return pathFrom(upstream, reachedBy);
					}
					queue.add(link.upstream());
				}
			}
		}
		return List.of();
	}

	@Override
	public List<ImpactLink> links(String ciId) {
		return this.links.all(ciId);
	}

	@Override
	public List<ImpactLink> downstreamLinks(String ciId) {
		return this.links.below(ciId);
	}

	// the interface's traversal, walking this graph by its slots
	@Override
	public Optional<Impact> impact(String ciId, int maxDepth, int limit) {
		return node(ciId).map((origin) -> ImpactTraversal.impact(this, this.links, origin, maxDepth, limit));
	}

	@Override
	public long version() {
		return this.version.get();
	}

	@Override
	public synchronized void catchUp() {
		DomainEventPage page;
		do {
			page = this.outbox.readAfter(this.position, BATCH, FOLLOWED);
			Set<String> changed = new LinkedHashSet<>();
			for (StoredDomainEvent event : page.events()) {
				if (event.type().startsWith("ci.")) {
					changed.add(event.aggregateId());
				}
				else if (event.type().startsWith("relationship.")) {
					changed.addAll(endsOf(event.payload()));
				}
			}
			if (!changed.isEmpty()) {
				reload(changed);
				this.version.incrementAndGet();
			}
			this.position = page.readTo();
		}
		while (page.more());
	}

	private void reload(Set<String> ciIds) {
		Map<String, TopologyNode> fresh = new HashMap<>();
		for (List<String> part : partition(ciIds)) {
			this.repository.nodes(part).forEach((node) -> fresh.put(node.id(), node));
		}
		for (String id : ciIds) {
			TopologyNode node = fresh.get(id);
			if (node == null) {
				removeNode(id);
			}
			else {
				putNode(node);
			}
		}
		Map<String, ImpactLink> reloaded = new LinkedHashMap<>();
		for (List<String> part : partition(ciIds)) {
			for (StoredRelationship relationship : this.repository.relationshipsOf(part)) {
				ImpactLink link = link(relationship);
				if (link != null) {
					reloaded.put(link.relationshipId(), link);
				}
			}
		}
		// the CIs at the other end of a changed CI's links as they were count too: a deleted CI takes its
		// relationships with it without an event of their own, and its neighbours must let go of them
		Set<String> touched = new HashSet<>(ciIds);
		for (String ci : ciIds) {
			for (ImpactLink link : this.links.all(ci)) {
				touched.add(link.upstream());
				touched.add(link.downstream());
			}
		}
		reloaded.values().forEach((link) -> {
			touched.add(link.upstream());
			touched.add(link.downstream());
		});
		Map<String, List<ImpactLink>> linksByCi = new HashMap<>();
		for (String ci : touched) {
			List<ImpactLink> kept = new ArrayList<>();
			for (ImpactLink link : this.links.all(ci)) {
				boolean replaced = ciIds.contains(link.upstream()) || ciIds.contains(link.downstream());
				if (!replaced) {
					kept.add(link);
				}
			}
			linksByCi.put(ci, kept);
		}
		for (ImpactLink link : reloaded.values()) {
			linksByCi.get(link.upstream()).add(link);
			linksByCi.get(link.downstream()).add(link);
		}
		this.links.replace(linksByCi);
	}

	private void putNode(TopologyNode node) {
		TopologyNode previous = this.nodes.put(node.id(), node);
		if (previous != null && !previous.name().equalsIgnoreCase(node.name())) {
			forgetName(previous);
		}
		this.idsByName.compute(key(node.name()), (k, ids) -> {
			Set<String> next = (ids != null) ? new HashSet<>(ids) : new HashSet<>();
			next.add(node.id());
			return Set.copyOf(next);
		});
	}

	private void removeNode(String id) {
		TopologyNode previous = this.nodes.remove(id);
		if (previous != null) {
			forgetName(previous);
		}
	}

	private void forgetName(TopologyNode node) {
		this.idsByName.computeIfPresent(key(node.name()), (k, ids) -> {
			Set<String> next = new HashSet<>(ids);
			next.remove(node.id());
			return next.isEmpty() ? null : Set.copyOf(next);
		});
	}

	private ImpactLink link(StoredRelationship relationship) {
		if (!CARRY_FAILURE.contains(relationship.type())) {
			return null;
		}
		boolean upstreamIsTarget = true;
		if (relationship.type().equals("connected_to")) {
			boolean sourceIsDevice = isNetworkDevice(relationship.sourceId());
			boolean targetIsDevice = isNetworkDevice(relationship.targetId());
			upstreamIsTarget = !(sourceIsDevice && !targetIsDevice);
		}
		String upstream = canonical(upstreamIsTarget ? relationship.targetId() : relationship.sourceId());
		String downstream = canonical(upstreamIsTarget ? relationship.sourceId() : relationship.targetId());
		return new ImpactLink(relationship.id(), relationship.type(), upstream, downstream, upstreamIsTarget,
				relationship.discoveredBy(), relationship.confidence());
	}

	// the node's own id string: walks look ids up in maps by the strings the links hold, and a lookup that
	// meets the same instance skips comparing the characters
	private String canonical(String ciId) {
		TopologyNode node = this.nodes.get(ciId);
		return (node != null) ? node.id() : ciId;
	}

	private boolean isNetworkDevice(String ciId) {
		TopologyNode node = this.nodes.get(ciId);
		return node != null && node.type().equals(NETWORK_DEVICE);
	}

	// the links met walking up from the downstream end, read from the upstream end down
	private static List<ImpactLink> pathFrom(String start, Map<String, ImpactLink> reachedBy) {
		List<ImpactLink> path = new ArrayList<>();
		for (ImpactLink link = reachedBy.get(start); link != null; link = reachedBy.get(link.downstream())) {
			path.add(link);
		}
		return path;
	}

	private static List<String> endsOf(String payload) {
		try {
			JsonNode relationship = JSON.readTree(payload).path("relationship");
			List<String> ends = new ArrayList<>(2);
			for (String field : List.of("source_ci", "target_ci")) {
				if (relationship.path(field).isString()) {
					ends.add(relationship.path(field).stringValue());
				}
			}
			return ends;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read a relationship event's payload: {}", ex.getMessage());
			return List.of();
		}
	}

	private static List<List<String>> partition(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		List<List<String>> parts = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 5000) {
			parts.add(all.subList(i, Math.min(all.size(), i + 5000)));
		}
		return parts;
	}

	private static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
