package io.nopesight.correlation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.database.DatabaseAvailability;
import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.outbox.DomainEventPage;
import io.nopesight.core.outbox.StoredDomainEvent;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredDependency;
import io.nopesight.correlation.service.JdbcServiceRepository.StoredService;

/**
 * Keeps every service's health as it changes: follows the outbox (events taken in or changing status,
 * services and their dependencies changing, relationships changing), and rewrites the health of the services
 * concerned from the earliest time the change reaches (an event's own time: a backfill reaches into the
 * past), upstream services before the ones that depend on them. One node at a time (an advisory lock); how
 * far it has read moves in the same transaction as what it wrote.
 */
@Component
class ServiceHealthMonitor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ServiceHealthMonitor.class);

	private static final List<String> FOLLOWED = List.of("event.", "service.", "relationship.");

	private static final int PAGE = 2000;

	private static final java.time.Duration SWEEP = java.time.Duration.ofMinutes(1);

	private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('nopesight.service-health'))";

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('nopesight.service-health'))::text";

	private final JdbcServiceRepository services;

	private final DomainEventOutbox outbox;

	private final Topology topology;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final DatabaseAvailability database;

	private final Clock clock;

	private final ServiceSettings settings;

	private final ReentrantLock passes = new ReentrantLock();

	private @Nullable Instant lastSweep;

	private @Nullable ScheduledExecutorService timer;

	ServiceHealthMonitor(JdbcServiceRepository services, DomainEventOutbox outbox, Topology topology,
			TransactionTemplate transactions, JdbcClient jdbc, DatabaseAvailability database, Clock clock,
			ServiceSettings settings) {
		this.services = services;
		this.outbox = outbox;
		this.topology = topology;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Takes in everything committed so far, waiting for another node's pass if one is running.
	 */
	void catchUp() {
		this.topology.catchUp();
		while (pass(true)) {
			// a full page: there may be more
		}
	}

	private void tick() {
		if (!this.database.isAvailable()) {
			return;
		}
		try {
			while (pass(false)) {
				// a full page: there may be more
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not bring service health up to date; trying again shortly", ex);
		}
	}

	// one page of the outbox; true when there may be more
	private boolean pass(boolean wait) {
		this.passes.lock();
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (wait) {
					this.jdbc.sql(LOCK).query(String.class).single();
				}
				else if (!Boolean.TRUE.equals(this.jdbc.sql(TRY_LOCK).query(Boolean.class).single())) {
					return false;
				}
				ChangePosition cursor = this.services.lockCursor(this.outbox.currentSafePosition());
				DomainEventPage page = this.outbox.readAfter(cursor, PAGE, FOLLOWED);
				// now and then, every service again from the last such sweep: events go quiet with time alone
				Instant now = this.clock.instant();
				Instant sweepFrom = (this.lastSweep == null || !now.isBefore(this.lastSweep.plus(SWEEP)))
						? Objects.requireNonNullElse(this.lastSweep, now.minus(this.settings.quietAfter())) : null;
				if (!page.events().isEmpty() || sweepFrom != null) {
					// the topology follows the same outbox on its own: bring it at least as far as what is read here
					this.topology.catchUp();
					recompute(page.events(), sweepFrom);
				}
				if (sweepFrom != null) {
					this.lastSweep = now;
				}
				if (!page.readTo().equals(cursor)) {
					this.services.moveCursor(page.readTo());
				}
				return page.more();
			}));
		}
		finally {
			this.passes.unlock();
		}
	}

	private void recompute(List<StoredDomainEvent> changes, @Nullable Instant sweepFrom) {
		Instant now = this.clock.instant();
		List<StoredService> all = this.services.all();
		if (all.isEmpty()) {
			return;
		}
		Map<String, StoredService> byId = new LinkedHashMap<>();
		all.forEach((s) -> byId.put(s.id(), s));
		List<StoredDependency> dependencies = this.services.dependencies();
		Map<String, ServiceReach> reaches = new HashMap<>();
		all.forEach((s) -> reaches.put(s.id(), ServiceReach.of(
				s.components().stream().map(JdbcServiceRepository.StoredComponent::ciId).toList(), this.topology,
				this.settings.maxDepth())));
		Map<String, Instant> from = affected(changes, byId, reaches, now);
		if (sweepFrom != null) {
			byId.keySet().forEach((id) -> from.merge(id, sweepFrom, ServiceHealthMonitor::earlier));
		}
		for (String id : upstreamFirst(byId.keySet(), dependencies)) {
			for (StoredDependency dependency : dependencies) {
				Instant upstreamFrom = from.get(dependency.dependsOn());
				if (dependency.serviceId().equals(id) && upstreamFrom != null) {
					from.merge(id, upstreamFrom, (a, b) -> a.isBefore(b) ? a : b);
				}
			}
			Instant since = from.get(id);
			if (since != null) {
				rewrite(byId.get(id), reaches.get(id), since, now, dependencies, byId);
			}
		}
	}

	// for each service a change reaches, the earliest time it reaches
	private Map<String, Instant> affected(List<StoredDomainEvent> changes, Map<String, StoredService> services,
			Map<String, ServiceReach> reaches, Instant now) {
		Map<String, Instant> from = new HashMap<>();
		Set<String> eventIds = new HashSet<>();
		for (StoredDomainEvent change : changes) {
			if (change.type().equals("service.health_changed")) {
				continue;
			}
			if (change.type().startsWith("event.")) {
				eventIds.add(change.aggregateId());
			}
			else if (change.type().equals("service.created") && services.containsKey(change.aggregateId())) {
				StoredService created = services.get(change.aggregateId());
				from.merge(created.id(), created.createdAt().minus(this.settings.history()), ServiceHealthMonitor::earlier);
			}
			else if (change.type().startsWith("service.") && services.containsKey(change.aggregateId())) {
				from.merge(change.aggregateId(), change.occurredAt(), ServiceHealthMonitor::earlier);
			}
			else if (change.type().startsWith("relationship.")) {
				services.keySet().forEach((id) -> from.merge(id, change.occurredAt(), ServiceHealthMonitor::earlier));
			}
		}
		for (ActiveEvent event : this.services.eventTimes(eventIds)) {
			reaches.forEach((id, reach) -> {
				if (event.cis().stream().anyMatch(reach::contains)) {
					from.merge(id, event.start(), ServiceHealthMonitor::earlier);
				}
			});
		}
		from.replaceAll((id, at) -> at.isAfter(now) ? now : at);
		return from;
	}

	private void rewrite(StoredService service, ServiceReach reach, Instant from, Instant now,
			List<StoredDependency> dependencies, Map<String, StoredService> services) {
		HealthChange before = this.services.healthBefore(service.id(), from).orElse(null);
		List<ActiveEvent> events = this.services.eventsOn(reach.cis(), from, now, this.settings.quietAfter(), this::end);
		List<HealthTimeline.Upstream> upstream = new ArrayList<>();
		for (StoredDependency dependency : dependencies) {
			if (dependency.serviceId().equals(service.id())) {
				StoredService other = services.get(dependency.dependsOn());
				upstream.add(new HealthTimeline.Upstream(other.id(), other.name(), dependency.type(),
						dependency.impact(), this.services.health(other.id(), from, now)));
			}
		}
		List<HealthChange> changes = HealthTimeline.between(from, now, before, reach, events, upstream);
		this.services.replaceHealth(service.id(), from, changes);
		HealthChange current = !changes.isEmpty() ? changes.get(changes.size() - 1)
				: Objects.requireNonNullElseGet(before,
						() -> new HealthChange(service.createdAt(), HealthStatus.HEALTHY, 100, List.of()));
		HealthChange stored = service.health();
		if (!current.sameAs(stored) || !current.at().equals(stored.at())) {
			this.services.setCurrentHealth(service.id(), current);
			if (current.status() != stored.status()) {
				this.outbox.publish("service.health_changed", service.id(),
						Map.of("service", Map.of("id", service.id(), "name", service.name(), "from",
								stored.status().value(), "to", current.status().value(), "score", current.score(), "at",
								current.at().toString())));
			}
		}
	}

	// when an event stopped weighing: when it went quiet (nothing repeated it for a while: an alert still firing is
	// sent again, so one nobody resolved and nothing repeated is over), or when it was resolved if that was after
	// it was taken in; if it came in resolved (a backfill), its last occurrence or a few minutes after it began
	Instant end(Instant created, Instant lastSeen, Instant received, @Nullable Instant resolved) {
		Instant quiet = lastSeen.plus(this.settings.quietAfter());
		if (resolved == null) {
			return quiet;
		}
		if (resolved.isAfter(received.plusSeconds(1))) {
			return resolved.isBefore(quiet) ? resolved : quiet;
		}
		Instant least = created.plus(this.settings.backfilledEvent());
		return lastSeen.isAfter(least) ? lastSeen : least;
	}

	// the services in an order where every service comes after those it depends on
	static List<String> upstreamFirst(Collection<String> ids, List<StoredDependency> dependencies) {
		Map<String, Integer> waitingOn = new LinkedHashMap<>();
		ids.forEach((id) -> waitingOn.put(id, 0));
		Map<String, List<String>> dependents = new HashMap<>();
		for (StoredDependency dependency : dependencies) {
			if (waitingOn.containsKey(dependency.serviceId()) && waitingOn.containsKey(dependency.dependsOn())) {
				waitingOn.merge(dependency.serviceId(), 1, Integer::sum);
				dependents.computeIfAbsent(dependency.dependsOn(), (k) -> new ArrayList<>()).add(dependency.serviceId());
			}
		}
		Deque<String> ready = new ArrayDeque<>();
		waitingOn.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<String> ordered = new ArrayList<>();
		while (!ready.isEmpty()) {
			String id = ready.poll();
			ordered.add(id);
			for (String dependent : dependents.getOrDefault(id, List.of())) {
				if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		return ordered;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "service-health");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
		this.timer = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.timer;
		if (running != null) {
			running.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
