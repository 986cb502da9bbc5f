package io.nopesight.core.cmdb;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.nopesight.core.database.DatabaseAvailability;
import io.nopesight.core.outbox.DomainEventOutbox;

/**
 * Wires the CI search index and keeps it following writes made by any node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SearchSettings.class)
class CmdbConfiguration {

	@Bean(destroyMethod = "close")
	LuceneCmdbIndex luceneCmdbIndex(SearchSettings settings, @Value("${nopesight.data-dir:data}") Path dataDir,
			JdbcConfigurationItemRepository items, DomainEventOutbox outbox) {
		Path indexDir = (settings.indexDir() != null) ? settings.indexDir() : dataDir.resolve("index");
		return new LuceneCmdbIndex(indexDir, items, outbox);
	}

	@Bean
	InMemoryTopology topology(JdbcTopologyRepository repository, DomainEventOutbox outbox) {
		return new InMemoryTopology(repository, outbox);
	}

	@Bean
	TopologyFollower topologyFollower(InMemoryTopology topology, DatabaseAvailability database) {
		return new TopologyFollower(topology, database);
	}

	@Bean
	SearchIndexFollower searchIndexFollower(LuceneCmdbIndex index, DatabaseAvailability database) {
		return new SearchIndexFollower(index, database);
	}

	/**
	 * Picks up writes made through other nodes (or outside a request) and makes the index durable.
	 */
	static class SearchIndexFollower {

		private final LuceneCmdbIndex index;

		private final DatabaseAvailability database;

		SearchIndexFollower(LuceneCmdbIndex index, DatabaseAvailability database) {
			this.index = index;
			this.database = database;
		}

		// paused while the database is away: there is nothing to follow, and it catches up once it is back
		@Scheduled(fixedDelayString = "${nopesight.search.follow-interval:1000}")
		void follow() {
			if (this.database.isAvailable()) {
				this.index.catchUp();
			}
		}

		@Scheduled(fixedDelayString = "${nopesight.search.commit-interval:5000}")
		void commit() {
			this.index.commit();
		}

	}

	/**
	 * Keeps the topology following writes made through any node.
	 */
	static class TopologyFollower {

		private final InMemoryTopology topology;

		private final DatabaseAvailability database;

		TopologyFollower(InMemoryTopology topology, DatabaseAvailability database) {
			this.topology = topology;
			this.database = database;
		}

		@Scheduled(fixedDelayString = "${nopesight.topology.follow-interval:1000}")
		void follow() {
			if (this.database.isAvailable()) {
				this.topology.catchUp();
			}
		}

	}

}
