package io.nopesight.correlation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.ConflictException;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.NotFoundException;
import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ImpactLink;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.cmdb.TopologyNode;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.correlation.CiReferences;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredComponent;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredDependency;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredService;

/**
 * Services over their tables: checks what clients send, keeps dependencies free of cycles, and answers SLA
 * questions from the recorded health; {@link ServiceHealthMonitor} keeps the health itself.
 */
@Service
class DefaultServices implements Services {

	private static final Set<String> CRITICALITIES = Set.of("critical", "high", "medium", "low");

	private static final Pattern PERCENT = Pattern.compile("\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*%?\\s*");

	private static final int MAX_COMPONENTS = 500;

	private static final int MAX_TEXT = 200;

	// how many links below the components the map draws, fewer while that would be more than MAP_CIS CIs
	private static final int MAP_DEPTH = 2;

	private static final int MAP_CIS = 200;

	private static final String DEPENDENCY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('nopesight.service-dependencies'))::text";

	private final JdbcServiceRepository services;

	private final ServiceHealthMonitor monitor;

	private final Topology topology;

	private final CmdbManagement cmdb;

	private final DomainEventOutbox outbox;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ServiceSettings settings;

	private final CiReferences ciReferences;

	DefaultServices(JdbcServiceRepository services, ServiceHealthMonitor monitor, Topology topology,
			CmdbManagement cmdb, DomainEventOutbox outbox, TransactionTemplate transactions, JdbcClient jdbc,
			Clock clock, ServiceSettings settings, CiReferences ciReferences) {
		this.settings = settings;
		this.ciReferences = ciReferences;
		this.services = services;
		this.monitor = monitor;
		this.topology = topology;
		this.cmdb = cmdb;
		this.outbox = outbox;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public BusinessService create(NewService service, String actor) {
		List<FieldError> errors = new ArrayList<>();
		String name = name(service.name(), true, errors);
		String criticality = criticality(service.criticality(), errors);
		BusinessService.Sla sla = sla(service.sla(), errors);
		List<StoredComponent> components = components(service.components(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String id = Ids.next("svc");
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			if (this.services.nameTaken(name, id)) {
				throw new ConflictException("A service named '" + name + "' already exists");
			}
			this.services.insert(id, name, blankToNull(service.description()), (criticality != null) ? criticality
					: "medium", sla, now);
			this.services.replaceComponents(id, components);
			this.outbox.publish("service.created", id, Map.of("service", Map.of("id", id, "name", name)));
		});
		return get(id);
	}

	@Override
	public Page<BusinessService> list(ServiceQuery query) {
		JdbcServiceRepository.StoredPage page = this.services.page(query);
		return new Page<>(page.services().stream().map(this::service).toList(), page.total(), query.page(),
				query.limit());
	}

	@Override
	public BusinessService get(String id) {
		return service(this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id)));
	}

	@Override
	public BusinessService update(String id, NewService changes, String actor) {
		List<FieldError> errors = new ArrayList<>();
		String name = name(changes.name(), false, errors);
		String criticality = criticality(changes.criticality(), errors);
		BusinessService.Sla sla = (changes.sla() != null) ? sla(changes.sla(), errors) : null;
		List<StoredComponent> components = (changes.components() != null) ? components(changes.components(), errors)
				: null;
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			if (!this.services.lock(id)) {
				throw new ServiceNotFoundException(id);
			}
			StoredService current = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
			String newName = (name != null) ? name : current.name();
			if (name != null && this.services.nameTaken(name, id)) {
				throw new ConflictException("A service named '" + name + "' already exists");
			}
			this.services.update(id, newName,
					(changes.description() != null) ? blankToNull(changes.description()) : current.description(),
					(criticality != null) ? criticality : current.criticality(), (sla != null) ? sla : current.sla(), now);
			if (components != null) {
				this.services.replaceComponents(id, components);
			}
			this.outbox.publish("service.updated", id, Map.of("service", Map.of("id", id, "name", newName)));
		});
		return get(id);
	}

	@Override
	public void delete(String id, String actor) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql(DEPENDENCY_LOCK).query(String.class).single();
			StoredService current = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
			this.services.delete(id);
			this.outbox.publish("service.deleted", id, Map.of("service", Map.of("id", id, "name", current.name())));
		});
	}

	@Override
	public ServiceDependencies addDependency(String id, String upstreamId, DependencyType type,
			DependencyImpact impact, String actor) {
		this.transactions.executeWithoutResult((status) -> {
			// one writer of dependencies at a time: two writes that each close half of a cycle cannot both pass
			this.jdbc.sql(DEPENDENCY_LOCK).query(String.class).single();
			StoredService service = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
			StoredService upstream = this.services.find(upstreamId)
				.orElseThrow(() -> new InvalidInputException("service_id", "no service has the id '" + upstreamId + "'"));
			List<String> cycle = cycle(id, upstreamId, this.services.dependencies());
			if (!cycle.isEmpty()) {
				Map<String, String> names = new HashMap<>();
				this.services.findAll(cycle).forEach((s) -> names.put(s.id(), s.name()));
				throw new ConflictException("This dependency would close a cycle: " + String.join(" → ",
						cycle.stream().map((s) -> names.getOrDefault(s, s) + " (" + s + ")").toList()));
			}
			this.services.upsertDependency(id, upstreamId, type, impact, this.clock.instant());
			this.outbox.publish("service.updated", id, Map.of("service", Map.of("id", id, "name", service.name()),
					"dependency", Map.of("service_id", upstream.id(), "type", type.value(), "impact", impact.value())));
		});
		return dependencies(id);
	}

	@Override
	public ServiceDependencies removeDependency(String id, String upstreamId, String actor) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql(DEPENDENCY_LOCK).query(String.class).single();
			StoredService service = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
			if (!this.services.deleteDependency(id, upstreamId)) {
				throw new NotFoundException(
						"Service " + id + " does not depend on " + upstreamId);
			}
			this.outbox.publish("service.updated", id, Map.of("service", Map.of("id", id, "name", service.name()),
					"dependency_removed", Map.of("service_id", upstreamId)));
		});
		return dependencies(id);
	}

	@Override
	public ServiceDependencies dependencies(String id) {
		this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
		List<StoredDependency> all = this.services.dependencies();
		Set<String> others = new HashSet<>();
		all.forEach((d) -> {
			if (d.serviceId().equals(id)) {
				others.add(d.dependsOn());
			}
			if (d.dependsOn().equals(id)) {
				others.add(d.serviceId());
			}
		});
		Map<String, StoredService> byId = new HashMap<>();
		this.services.findAll(others).forEach((s) -> byId.put(s.id(), s));
		List<ServiceDependency> upstream = new ArrayList<>();
		List<ServiceDependency> downstream = new ArrayList<>();
		for (StoredDependency d : all) {
			if (d.serviceId().equals(id) && byId.containsKey(d.dependsOn())) {
				StoredService other = byId.get(d.dependsOn());
				upstream.add(new ServiceDependency(other.id(), other.name(), d.type(), d.impact(), other.health().status()));
			}
			if (d.dependsOn().equals(id) && byId.containsKey(d.serviceId())) {
				StoredService other = byId.get(d.serviceId());
				downstream.add(new ServiceDependency(other.id(), other.name(), d.type(), d.impact(), other.health().status()));
			}
		}
		upstream.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
		downstream.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
		return new ServiceDependencies(id, upstream, downstream);
	}

	@Override
	public SlaReport sla(String id, Instant from, Instant to) {
		StoredService service = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
		if (!from.isBefore(to)) {
			throw new InvalidInputException("from", "from must be before to");
		}
		List<HealthChange> changes = this.services.health(id, from, to);
		double total = Duration.between(from, to).toMillis();
		double down = 0;
		double degraded = 0;
		List<SlaReport.Outage> outages = new ArrayList<>();
		Instant outageStart = null;
		List<ServiceHealth.Reason> outageReasons = List.of();
		for (int i = 0; i < changes.size(); i++) {
			HealthChange change = changes.get(i);
			Instant start = change.at().isBefore(from) ? from : change.at();
			Instant end = (i + 1 < changes.size()) ? changes.get(i + 1).at() : to;
			end = end.isAfter(to) ? to : end;
			if (!end.isAfter(start)) {
				continue;
			}
			long millis = Duration.between(start, end).toMillis();
			if (change.status() == HealthStatus.DOWN) {
				down += millis;
				if (outageStart == null) {
					outageStart = start;
					outageReasons = change.reasons();
				}
			}
			else {
				degraded += (change.status() == HealthStatus.DEGRADED) ? millis : 0;
				if (outageStart != null) {
					outages.add(outage(outageStart, start, false, outageReasons));
					outageStart = null;
				}
			}
		}
		if (outageStart != null) {
			boolean ongoing = service.health().status() == HealthStatus.DOWN && !to.isBefore(this.clock.instant());
			outages.add(outage(outageStart, to, ongoing, outageReasons));
		}
		Double target = target(service.sla().availability());
		double availability = round(100 * (total - down) / total);
		return new SlaReport(id, from, to, target, availability, round(100 * (total - down - degraded) / total),
				(target != null) ? availability >= target : null, round(down / 60_000), round(degraded / 60_000),
				outages);
	}

	@Override
	public DependencyMap dependencyMap(String id) {
		this.topology.catchUp();
		StoredService service = this.services.find(id).orElseThrow(() -> new ServiceNotFoundException(id));
		Map<String, DependencyMap.Node> nodes = new LinkedHashMap<>();
		List<DependencyMap.Edge> edges = new ArrayList<>();
		nodes.put(id, new DependencyMap.Node(id, service.name(), "business service", DependencyMap.Kind.SERVICE,
				health(service.health().status())));
		serviceNodes(service, nodes, edges);
		List<String> components = service.components().stream().map(StoredComponent::ciId).toList();
		Set<String> cis = new LinkedHashSet<>(components);
		for (int depth = MAP_DEPTH; depth >= 1; depth--) {
			Set<String> reach = new LinkedHashSet<>(components);
			for (String component : components) {
				reach.addAll(this.topology.upstream(component, depth).keySet());
			}
			if (reach.size() <= MAP_CIS || depth == 1) {
				cis = reach;
				break;
			}
		}
		Map<String, HealthStatus> ciHealth = ciHealth(cis);
		for (StoredComponent component : service.components()) {
			TopologyNode node = this.topology.node(component.ciId()).orElse(null);
			String name = (node != null) ? node.name() : component.ciId();
			String detail = (component.role() != null) ? component.role() : (node != null) ? node.type() : "";
			nodes.put(component.ciId(), new DependencyMap.Node(component.ciId(), name, detail,
					DependencyMap.Kind.COMPONENT, health(ciHealth.getOrDefault(component.ciId(), HealthStatus.HEALTHY))));
			edges.add(new DependencyMap.Edge(id, component.ciId(), "", DependencyMap.Style.COMPONENT));
		}
		for (String ci : cis) {
			if (!nodes.containsKey(ci)) {
				TopologyNode node = this.topology.node(ci).orElse(null);
				nodes.put(ci, new DependencyMap.Node(ci, (node != null) ? node.name() : ci, (node != null) ? node.type() : "",
						DependencyMap.Kind.INFRASTRUCTURE, health(ciHealth.getOrDefault(ci, HealthStatus.HEALTHY))));
			}
		}
		for (String ci : cis) {
			for (ImpactLink link : this.topology.links(ci)) {
				// an arrow from what depends to what it depends on: from the CI a failure reaches to the one it comes from
				if (link.downstream().equals(ci) && cis.contains(link.upstream())) {
					edges.add(new DependencyMap.Edge(ci, link.upstream(), "",
							link.relationshipType().equals("depends_on") || link.relationshipType().equals("connected_to")
									? DependencyMap.Style.DEPENDS_ON : DependencyMap.Style.RUNS_ON));
				}
			}
		}
		return new DependencyMap(service.name() + ": dependency map", List.copyOf(nodes.values()), edges);
	}

	private void serviceNodes(StoredService service, Map<String, DependencyMap.Node> nodes,
			List<DependencyMap.Edge> edges) {
		ServiceDependencies dependencies = dependencies(service.id());
		for (ServiceDependency upstream : dependencies.upstream()) {
			nodes.putIfAbsent(upstream.serviceId(), new DependencyMap.Node(upstream.serviceId(), upstream.name(),
					upstream.type().value() + " · " + upstream.impact().value(), DependencyMap.Kind.UPSTREAM_SERVICE,
					health(upstream.health())));
			edges.add(new DependencyMap.Edge(service.id(), upstream.serviceId(), upstream.impact().value(),
					(upstream.type() == DependencyType.REQUIRED) ? DependencyMap.Style.REQUIRED
							: DependencyMap.Style.OPTIONAL));
		}
		for (ServiceDependency downstream : dependencies.downstream()) {
			nodes.putIfAbsent(downstream.serviceId(), new DependencyMap.Node(downstream.serviceId(), downstream.name(),
					downstream.type().value() + " · " + downstream.impact().value(),
					DependencyMap.Kind.DOWNSTREAM_SERVICE, health(downstream.health())));
			edges.add(new DependencyMap.Edge(downstream.serviceId(), service.id(), downstream.impact().value(),
					(downstream.type() == DependencyType.REQUIRED) ? DependencyMap.Style.REQUIRED
							: DependencyMap.Style.OPTIONAL));
		}
	}

	// each CI's state now: down with a critical event on it, degraded with a high or medium one
	private Map<String, HealthStatus> ciHealth(Collection<String> cis) {
		Instant now = this.clock.instant();
		Map<String, HealthStatus> health = new HashMap<>();
		for (ActiveEvent event : this.services.eventsOn(cis, now, now, this.settings.quietAfter(), this.monitor::end)) {
			if (!event.activeAt(now)) {
				continue;
			}
			HealthStatus status = switch (event.severity()) {
				case CRITICAL -> HealthStatus.DOWN;
				case HIGH, MEDIUM -> HealthStatus.DEGRADED;
				case LOW -> HealthStatus.HEALTHY;
			};
			event.cis().forEach((ci) -> health.merge(ci, status, HealthStatus::worst));
		}
		return health;
	}

	private static DependencyMap.Health health(HealthStatus status) {
		return switch (status) {
			case HEALTHY -> DependencyMap.Health.HEALTHY;
			case DEGRADED -> DependencyMap.Health.DEGRADED;
			case DOWN -> DependencyMap.Health.DOWN;
		};
	}

	@Override
	public List<BusinessService> withComponents(Collection<String> ciIds) {
		if (ciIds.isEmpty()) {
			return List.of();
		}
		// every component row, kept to those among the CIs: services have hundreds of components, while the CIs may
		// be most of the estate (what a core switch's failure reaches)
		Set<String> among = (ciIds instanceof Set<String> set) ? set : new HashSet<>(ciIds);
		Set<String> ids = new LinkedHashSet<>();
		this.services.forEachComponent((serviceId, ci) -> {
			if (among.contains(ci)) {
				ids.add(serviceId);
			}
		});
		return this.services.findAll(ids).stream().map(this::service).toList();
	}

	@Override
	public void catchUpHealth() {
		this.monitor.catchUp();
	}

	private static SlaReport.Outage outage(Instant from, Instant to, boolean ongoing, List<ServiceHealth.Reason> reasons) {
		return new SlaReport.Outage(from, to, ongoing, round(Duration.between(from, to).toMillis() / 60_000.0), reasons);
	}

	// the path of services from upstream back to id over existing dependencies, closed by the new one; empty when
	// there is none
	static List<String> cycle(String id, String upstreamId, List<StoredDependency> dependencies) {
		if (id.equals(upstreamId)) {
			return List.of(id, id);
		}
		Map<String, List<String>> dependsOn = new HashMap<>();
		dependencies.forEach((d) -> dependsOn.computeIfAbsent(d.serviceId(), (k) -> new ArrayList<>()).add(d.dependsOn()));
		Map<String, String> cameFrom = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(upstreamId));
		cameFrom.put(upstreamId, upstreamId);
		while (!queue.isEmpty()) {
			String at = queue.poll();
			if (at.equals(id)) {
				List<String> path = new ArrayList<>();
				for (String step = id; !step.equals(upstreamId); step = cameFrom.get(step)) {
					path.add(0, step);
				}
				path.add(0, upstreamId);
				path.add(0, id);
				return path;
			}
			for (String next : dependsOn.getOrDefault(at, List.of())) {
				if (!cameFrom.containsKey(next)) {
					cameFrom.put(next, at);
					queue.add(next);
				}
			}
		}
		return List.of();
	}

	private BusinessService service(StoredService stored) {
		List<BusinessService.Component> components = stored.components().stream().map((c) -> {
			TopologyNode node = this.topology.node(c.ciId()).orElse(null);
			if (node != null) {
				return new BusinessService.Component(c.ciId(), node.name(), node.type(), c.role());
			}
			// written so recently that the topology has not seen it yet, or deleted since
			try {
				ConfigurationItem ci = this.cmdb.get(c.ciId());
				return new BusinessService.Component(c.ciId(), ci.name(), ci.type(), c.role());
			}
			catch (NotFoundException ex) {
				return new BusinessService.Component(c.ciId(), c.ciId(), "deleted", c.role());
			}
		}).toList();
		return new BusinessService(stored.id(), stored.name(), stored.description(), stored.criticality(), stored.sla(),
				components, stored.health().asHealth(), stored.createdAt(), stored.updatedAt());
	}

	private static @Nullable String name(@Nullable String name, boolean required, List<FieldError> errors) {
		if (name == null || name.isBlank()) {
			if (required || name != null) {
				errors.add(new FieldError("name", "name is required"));
			}
			return null;
		}
		if (name.strip().length() > MAX_TEXT) {
			errors.add(new FieldError("name", "at most " + MAX_TEXT + " characters"));
		}
		return name.strip();
	}

	private static @Nullable String criticality(@Nullable String criticality, List<FieldError> errors) {
		if (criticality == null) {
			return null;
		}
		String value = criticality.strip().toLowerCase(Locale.ROOT);
		if (!CRITICALITIES.contains(value)) {
			errors.add(new FieldError("criticality",
					"Invalid criticality '" + criticality + "': use critical, high, medium or low"));
			return null;
		}
		return value;
	}

	private static BusinessService.Sla sla(BusinessService.@Nullable Sla sla, List<FieldError> errors) {
		if (sla == null) {
			return new BusinessService.Sla(null, null);
		}
		String availability = blankToNull(sla.availability());
		if (availability != null && target(availability) == null) {
			errors.add(new FieldError("sla.availability",
					"'" + availability + "' is not an availability: a percentage such as 99.9%"));
		}
		return new BusinessService.Sla(availability, blankToNull(sla.responseTime()));
	}

	static @Nullable Double target(@Nullable String availability) {
		if (availability == null) {
			return null;
		}
		Matcher matcher = PERCENT.matcher(availability);
		if (!matcher.matches()) {
			return null;
		}
		double value = Double.parseDouble(matcher.group(1));
		return (value >= 0 && value <= 100) ? value : null;
	}

	private List<StoredComponent> components(@Nullable List<NewService.NewComponent> given, List<FieldError> errors) {
		if (given == null) {
			return List.of();
		}
		if (given.size() > MAX_COMPONENTS) {
			errors.add(new FieldError("components", "at most " + MAX_COMPONENTS + " components"));
			return List.of();
		}
		Map<String, StoredComponent> components = new LinkedHashMap<>();
		for (int i = 0; i < given.size(); i++) {
			NewService.NewComponent component = given.get(i);
			String field = "components[" + i + "]";
			if (component == null || component.ci() == null || component.ci().isBlank()) {
				errors.add(new FieldError(field + ".ci_id", "must be a CI id or name"));
				continue;
			}
			List<String> found = this.ciReferences.find(component.ci().strip());
			if (found.size() != 1) {
				errors.add(new FieldError(field + ".ci_id", found.isEmpty()
						? "no configuration item has the id or name '" + component.ci().strip() + "'"
						: found.size() + " configuration items are named '" + component.ci().strip() + "': give its id"));
				continue;
			}
			String role = blankToNull(component.role());
			if (role != null && role.length() > MAX_TEXT) {
				errors.add(new FieldError(field + ".role", "at most " + MAX_TEXT + " characters"));
			}
			if (components.putIfAbsent(found.get(0), new StoredComponent(found.get(0), role)) != null) {
				errors.add(new FieldError(field + ".ci_id", "the CI " + found.get(0) + " is listed twice"));
			}
		}
		return List.copyOf(components.values());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
