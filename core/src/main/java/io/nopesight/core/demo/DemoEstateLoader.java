package io.nopesight.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemQuery;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;
import io.nopesight.core.discovery.ListeningPort;
import io.nopesight.core.discovery.ObservedConnection;
import io.nopesight.core.discovery.ProcessConnections;
import io.nopesight.core.metric.MetricSample;
import io.nopesight.core.metric.MetricStore;

/**
 * Fills an empty CMDB with the {@link DemoEstate} when {@code nopesight.demo=true}
 * ({@code NOPESIGHT_DEMO=true}): its CIs and relationships, 30 days of the servers' CPU, memory and disk usage
 * up to now, and the last day of connections between application and database servers, from which the
 * dependency inference draws its links. A CMDB that holds anything is left alone.
 */
@Component
@ConditionalOnProperty(name = "nopesight.demo", havingValue = "true")
class DemoEstateLoader {

	private static final Logger logger = LoggerFactory.getLogger(DemoEstateLoader.class);

	private static final String ACTOR = "demo";

	private static final String SCAN = "demo";

	private static final int METRIC_DAYS = 30;

	private static final Duration METRIC_STEP = Duration.ofMinutes(15);

	private static final int CONNECTION_HOURS = 24;

	private static final int METRIC_CHUNK = 100_000;

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	private final MetricStore metrics;

	private final ProcessConnections connections;

	private final TransactionTemplate transaction;

	DemoEstateLoader(CmdbManagement cmdb, RelationshipManagement relationships, MetricStore metrics,
			ProcessConnections connections, TransactionTemplate transaction) {
		this.cmdb = cmdb;
		this.relationships = relationships;
		this.metrics = metrics;
		this.connections = connections;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEmpty() {
		if (this.cmdb.list(new ConfigurationItemQuery(null, null, null, null, false, 1, 1)).total() > 0) {
			logger.info("Demo estate not loaded: the CMDB already holds configuration items");
			return;
		}
		DemoEstate estate = DemoEstate.generate(42);
		Map<String, ConfigurationItem> cis = new HashMap<>();
		this.transaction.executeWithoutResult((status) -> {
			for (DemoEstate.Item item : estate.items()) {
				cis.put(item.name(), this.cmdb.create(new NewConfigurationItem(item.name(), item.type(), item.status(),
						null, item.attributes(), item.customFields()), ACTOR));
			}
			for (DemoEstate.Link link : estate.links()) {
				this.relationships.create(new NewRelationship(link.type(), cis.get(link.source()).id(),
						cis.get(link.target()).id(), link.attributes(), null, null), ACTOR);
			}
		});
		// whole quarter hours up to now, so that the last hours show on charts and in "last week" summaries
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		long samples = loadMetrics(estate.metrics(now, METRIC_DAYS, METRIC_STEP), cis);
		LoadedConnections connections = loadConnections(estate.connections(now, CONNECTION_HOURS), cis, now);
		logger.info("Loaded the demo estate: {} configuration items, {} relationships, {} metric samples over {} days, "
				+ "{} process connections ({} dependencies inferred from them)", estate.items().size(),
				estate.links().size(), samples, METRIC_DAYS, connections.sightings(), connections.inferred());
	}

	private long loadMetrics(List<DemoEstate.Sample> samples, Map<String, ConfigurationItem> cis) {
		long written = 0;
		for (int from = 0; from < samples.size(); from += METRIC_CHUNK) {
			written += this.metrics.write(samples.subList(from, Math.min(samples.size(), from + METRIC_CHUNK))
				.stream()
				.map((s) -> new MetricSample(cis.get(s.server()).id(), s.metric(), s.timestamp(), s.value()))
				.toList());
		}
		return written;
	}

	// each client server's agent reports its connections, each database server's the port it listens on
	private LoadedConnections loadConnections(List<DemoEstate.Connection> observed, Map<String, ConfigurationItem> cis,
			Instant now) {
		Map<String, List<ObservedConnection>> byClient = new TreeMap<>();
		Map<String, Map<Integer, ListeningPort>> listening = new TreeMap<>();
		for (DemoEstate.Connection c : observed) {
			byClient.computeIfAbsent(c.client(), (k) -> new ArrayList<>())
				.add(new ObservedConnection(c.clientProcess(), 2000 + c.port(), ip(cis.get(c.client())), c.clientPort(),
						ip(cis.get(c.server())), c.port(), "TCP", "ESTABLISHED", c.observedAt()));
			listening.computeIfAbsent(c.server(), (k) -> new TreeMap<>())
				.putIfAbsent(c.port(), new ListeningPort(c.serverProcess(), 1000 + c.port(), c.port(), "TCP", null));
		}
		listening.forEach((server, ports) -> this.connections.record(SCAN, cis.get(server).id(), List.of(),
				List.copyOf(ports.values()), now));
		int inferred = 0;
		for (Map.Entry<String, List<ObservedConnection>> client : byClient.entrySet()) {
			String ciId = cis.get(client.getKey()).id();
			this.connections.record(SCAN, ciId, client.getValue(), List.of(), now);
			inferred += this.connections.inferDependencies(ciId).created();
		}
		return new LoadedConnections(observed.size(), inferred);
	}

	private record LoadedConnections(int sightings, int inferred) {
	}

	private static String ip(ConfigurationItem ci) {
		return String.valueOf(ci.attributes().get("ip_address"));
	}

}
