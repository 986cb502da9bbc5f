package io.nopesight.correlation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.Ids;
import io.nopesight.core.cmdb.Topology;
import io.nopesight.core.database.ConnectionFailures;
import io.nopesight.core.database.DatabaseAvailability;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.work.WorkHandler;
import io.nopesight.core.work.WorkItem;
import io.nopesight.correlation.IncidentGrouping.Group;
import io.nopesight.correlation.IncidentGrouping.Member;
import io.nopesight.correlation.JdbcEventRepository.PlacedEvent;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentRow;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentState;

/**
 * The one correlator of an installation: a work item that runs as long as its node does (the work queue
 * makes sure one node runs it, and another takes over when that node dies). It takes the events intake has
 * stored and not yet placed, in the order they were taken in, places a batch of them in memory
 * ({@link IncidentGrouping}), and writes the placements, the new and changed incidents (with their root-cause
 * ranking) and their outbox events in one transaction. Intake on this node wakes it at once; events taken in
 * by other nodes are found within the poll interval. Intake never waits for it.
 */
@Component
class Correlator implements WorkHandler {

	static final String KIND = "event-correlation";

	static final String SUBJECT = "events";

	// events placed between two vacuums of the queue: its dead rows stay a few hundred kilobytes
	private static final int QUEUE_VACUUM_EVERY = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(Correlator.class);

	private final JdbcEventRepository events;

	private final JdbcIncidentRepository incidents;

	private final DomainEventOutbox outbox;

	private final Topology topology;

	private final CorrelationSettings settings;

	private final TransactionTemplate transactions;

	private final DatabaseAvailability database;

	private final Clock clock;

	private final IncidentGrouping grouping;

	private final IncidentDigest digest;

	private final TopologyDistances distances;

	private final PairModels models;

	private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);

	private final PlacementLatency latency = new PlacementLatency();

	private long groupingVersion = -1;

	private long placedSinceVacuum;

	Correlator(JdbcEventRepository events, JdbcIncidentRepository incidents, DomainEventOutbox outbox,
			Topology topology, CorrelationSettings settings, TransactionTemplate transactions,
			DatabaseAvailability database, Clock clock, PairModels models, TopologyDistances distances,
			IncidentDigest digest) {
		this.events = events;
		this.incidents = incidents;
		this.outbox = outbox;
		this.topology = topology;
		this.settings = settings;
		this.transactions = transactions;
		this.database = database;
		this.clock = clock;
		this.models = models;
		this.digest = digest;
		this.distances = distances;
		this.grouping = new IncidentGrouping(distances, models::current, settings.window(), settings.threshold(),
				new DatabaseStore(), () -> Ids.next("inc"));
	}

	@Override
	public String kind() {
		return KIND;
	}

	/**
	 * Wakes the correlator for events just taken in on this node.
	 */
	void wake() {
		this.wakeUps.offer(Boolean.TRUE);
	}

	PlacementLatency latency() {
		return this.latency;
	}

	@Override
	public void perform(WorkItem item) throws InterruptedException {
		logger.info("Correlating events on this node");
		this.grouping.clear();
		this.groupingVersion = -1;
		int failures = 0;
		while (true) {
			// after a failure, wait longer each time (up to half a minute) before the next try
			long wait = (failures == 0) ? this.settings.pollInterval().toMillis()
					: Math.min(30_000, 500L << Math.min(failures, 6));
			this.wakeUps.poll(wait, TimeUnit.MILLISECONDS);
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException("stopping");
			}
			if (!this.database.isAvailable()) {
				continue;
			}
			try {
				int size = (failures >= 2) ? correlateOneByOne() : correlateBatch();
				while (size >= this.settings.batch() && !Thread.currentThread().isInterrupted()) {
					size = correlateBatch();
				}
				failures = 0;
			}
			catch (RuntimeException ex) {
				// what it held may be ahead of the database now: read it again
				this.grouping.clear();
				this.groupingVersion = -1;
				if (ConnectionFailures.isConnectionFailure(ex)) {
					this.database.connectionFailed(ex);
				}
				else {
					failures++;
					logger.warn("Could not correlate a batch of events (attempt {}); trying again{}", failures,
							(failures >= 2) ? " one event at a time" : "", ex);
				}
			}
		}
	}

	/**
	 * After a batch failed twice: places its events one by one, and sets aside (placed nowhere, logged) an
	 * event that fails alone, so one bad event never holds up the others.
	 */
	private int correlateOneByOne() {
		List<PlacedEvent> waiting = this.events.uncorrelated(this.settings.batch());
		for (PlacedEvent event : waiting) {
			try {
				correlate(List.of(event));
			}
			catch (RuntimeException ex) {
				if (ConnectionFailures.isConnectionFailure(ex)) {
					throw ex;
				}
				this.grouping.clear();
				this.groupingVersion = -1;
				logger.error("Could not place event {} in an incident; it is left out of correlation", event.id(), ex);
				this.transactions.executeWithoutResult((status) -> this.events.setAside(event.id()));
			}
		}
		return 0;
	}

	/**
	 * Places the next batch of events; how many there were.
	 */
	int correlateBatch() {
		if (this.grouping.size() > 500_000) {
			this.grouping.clear();
		}
		return correlate(this.events.uncorrelated(this.settings.batch()));
	}

	private int correlate(List<PlacedEvent> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		this.topology.catchUp();
		// people may change the grouping while a batch is placed (merge, move, resolve): then it is placed again
		// on what they left, at once
		while (!place(batch)) {
			this.grouping.clear();
			this.groupingVersion = -1;
		}
		this.latency.record(batch, this.clock.instant());
		this.placedSinceVacuum += batch.size();
		if (this.placedSinceVacuum >= QUEUE_VACUUM_EVERY) {
			this.placedSinceVacuum = 0;
			this.events.vacuumQueue();
		}
		return batch.size();
	}

	// whether the placements were written: not when the grouping changed since it was read
	private boolean place(List<PlacedEvent> batch) {
		if (this.groupingVersion < 0) {
			// the first batch, or people changed the grouping (and may have labelled pairs): read incidents and
			// the model again
			this.grouping.clear();
			this.models.refit();
			this.groupingVersion = this.incidents.groupingVersion();
		}
		long version = this.groupingVersion;
		List<Member> placed = new ArrayList<>(batch.size());
		for (PlacedEvent event : batch) {
			placed.add(this.grouping.place(event));
		}
		IncidentGrouping.Changes changes = this.grouping.drain();
		List<IncidentRow> created = changes.created().stream().map(this::row).toList();
		List<IncidentRow> updated = changes.updated().stream().map(this::row).toList();
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.incidents.takeGroupingLock();
			if (this.incidents.groupingVersion() != version) {
				status.setRollbackOnly();
				return false;
			}
			this.incidents.insertAll(created, now);
			changes.merged().forEach((absorbed, into) -> {
				this.events.moveAll(absorbed, into);
				this.incidents.markMerged(absorbed, into, now);
			});
			this.incidents.updateAll(updated, now);
			this.events.place(placed.stream().map((m) -> m.id).toList(),
					placed.stream().map((m) -> m.incidentId).toList(), now);
			this.events.dequeue(batch.stream().map(PlacedEvent::seq).toList());
			publish(created, updated, changes.merged());
			return true;
		}));
	}

	private IncidentRow row(Group group) {
		return this.digest.row(group.id, group.tally(this.distances));
	}

	private void publish(List<IncidentRow> created, List<IncidentRow> updated, Map<String, String> merged) {
		List<DomainEventOutbox.Event> outgoing = new ArrayList<>();
		created.forEach((row) -> outgoing.add(new DomainEventOutbox.Event("incident.created", row.id(), payload(row))));
		updated.forEach((row) -> outgoing.add(new DomainEventOutbox.Event("incident.updated", row.id(), payload(row))));
		merged.forEach((absorbed, into) -> outgoing.add(new DomainEventOutbox.Event("incident.updated", absorbed,
				Map.of("incident", Map.of("id", absorbed, "status", "merged", "merged_into", into)))));
		if (!outgoing.isEmpty()) {
			this.outbox.publishAll(outgoing);
		}
	}

	private static Map<String, Object> payload(IncidentRow row) {
		Map<String, Object> incident = new LinkedHashMap<>();
		incident.put("id", row.id());
		incident.put("title", row.title());
		incident.put("status", row.status().value());
		incident.put("severity", row.severity().value());
		incident.put("event_count", row.eventCount());
		if (row.rootCiId() != null) {
			incident.put("root_ci_id", row.rootCiId());
		}
		return Map.of("incident", incident);
	}

	private final class DatabaseStore implements IncidentGrouping.Store {

		@Override
		public List<PlacedEvent> placedBetween(Instant from, Instant to) {
			return Correlator.this.events.placedBetween(from, to);
		}

		@Override
		public List<PlacedEvent> membersOf(Collection<String> incidentIds) {
			return Correlator.this.events.membersOf(incidentIds);
		}

		@Override
		public Map<String, IncidentState> states(Collection<String> incidentIds) {
			return Correlator.this.incidents.states(new LinkedHashSet<>(incidentIds));
		}

	}

}
