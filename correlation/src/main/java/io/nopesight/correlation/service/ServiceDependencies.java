package io.nopesight.correlation.service;

import java.util.List;

/**
 * What a service depends on (upstream) and what depends on it (downstream).
 */
public record ServiceDependencies(String serviceId, List<ServiceDependency> upstream,
		List<ServiceDependency> downstream) {

	public ServiceDependencies {
		upstream = List.copyOf(upstream);
		downstream = List.copyOf(downstream);
	}

}
