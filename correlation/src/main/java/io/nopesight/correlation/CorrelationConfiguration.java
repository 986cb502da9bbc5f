package io.nopesight.correlation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nopesight.core.cmdb.Topology;

/**
 * The correlation module's shared pieces: its settings and what both the correlator and the incident
 * corrections read the topology and rank root causes with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorrelationSettings.class)
class CorrelationConfiguration {

	@Bean
	TopologyDistances topologyDistances(Topology topology, CorrelationSettings settings) {
		return new TopologyDistances(topology, settings.maxDepth());
	}

	@Bean
	IncidentDigest incidentDigest(TopologyDistances distances) {
		return new IncidentDigest(new RootCauseRanking(distances), distances);
	}

}
