package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.nopesight.core.Page;

/**
 * Business services: their definition, their dependencies on each other, their health (kept as it changes,
 * from the events on their CIs and the CIs under them, and from the services they depend on) and their SLA.
 */
public interface Services {

	/**
	 * @throws io.nopesight.core.InvalidInputException naming each field that is wrong
	 * @throws io.nopesight.core.ConflictException when the name is taken
	 */
	BusinessService create(NewService service, String actor);

	Page<BusinessService> list(ServiceQuery query);

	BusinessService get(String id);

	/**
	 * Replaces what {@code changes} gives; the rest stays.
	 */
	BusinessService update(String id, NewService changes, String actor);

	/**
	 * Deletes the service and its dependencies either way.
	 */
	void delete(String id, String actor);

	/**
	 * Records that {@code id} depends on {@code upstreamId}, or changes how.
	 * @throws io.nopesight.core.ConflictException when it would close a cycle, naming it
	 */
	ServiceDependencies addDependency(String id, String upstreamId, DependencyType type, DependencyImpact impact,
			String actor);

	ServiceDependencies removeDependency(String id, String upstreamId, String actor);

	ServiceDependencies dependencies(String id);

	/**
	 * How the service did between {@code from} and {@code to}, from its recorded health.
	 */
	SlaReport sla(String id, Instant from, Instant to);

	/**
	 * What the service's dependency map shows: the service, its components and the CIs they run on or depend on
	 * (a few links down), the services it depends on and those that depend on it, each with its health now.
	 */
	DependencyMap dependencyMap(String id);

	/**
	 * The services with one of {@code ciIds} among their components.
	 */
	List<BusinessService> withComponents(Collection<String> ciIds);

	/**
	 * Brings every service's health up to date with what has been committed so far, now (health also follows
	 * on its own within a second or two).
	 */
	void catchUpHealth();

}
