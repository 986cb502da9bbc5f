package io.nopesight.correlation.service;

/**
 * One service's dependency on another, seen from either end: the other service, how much it is needed and
 * what its outage does.
 */
public record ServiceDependency(String serviceId, String name, DependencyType type, DependencyImpact impact,
		HealthStatus health) {
}
