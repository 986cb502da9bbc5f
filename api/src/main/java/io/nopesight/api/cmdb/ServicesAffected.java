package io.nopesight.api.cmdb;

import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.nopesight.core.cmdb.Impact;
import io.nopesight.correlation.service.BusinessService;
import io.nopesight.correlation.service.ServiceDependency;
import io.nopesight.correlation.service.Services;

/**
 * The business services a failure reaches: those with a component among the CIs it reaches (or the CI
 * itself), and, through service dependencies, those that depend on them.
 */
@Component
class ServicesAffected implements AffectedServices {

	private final Services services;

	ServicesAffected(Services services) {
		this.services = services;
	}

	@Override
	public List<AffectedService> of(Impact impact) {
		// a view, not a copy: a core switch reaches most of the estate
		String origin = impact.origin().id();
		Map<String, Integer> reached = impact.reached();
		Set<String> hitCis = new AbstractSet<>() {

			@Override
			public boolean contains(Object ci) {
				return origin.equals(ci) || reached.containsKey(ci);
			}

			@Override
			public Iterator<String> iterator() {
				return Stream.concat(Stream.of(origin), reached.keySet().stream()).iterator();
			}

			@Override
			public int size() {
				return reached.size() + 1;
			}

		};
		Map<String, AffectedService> affected = new LinkedHashMap<>();
		for (BusinessService service : this.services.withComponents(hitCis)) {
			List<String> hit = new ArrayList<>();
			int nearest = Integer.MAX_VALUE;
			for (BusinessService.Component component : service.components()) {
				Integer distance = origin.equals(component.ciId()) ? Integer.valueOf(0) : reached.get(component.ciId());
				if (distance != null) {
					hit.add(component.ciName());
					nearest = Math.min(nearest, distance);
				}
			}
			affected.put(service.id(), new AffectedService(service.id(), service.name(), service.criticality(),
					service.health().status().value(), nearest, hit, null, null));
		}
		// what depends on an affected service is affected through it
		Deque<String> queue = new ArrayDeque<>(affected.keySet());
		Set<String> seen = new HashSet<>(affected.keySet());
		while (!queue.isEmpty()) {
			String id = queue.poll();
			AffectedService through = affected.get(id);
			for (ServiceDependency dependent : this.services.dependencies(id).downstream()) {
				if (seen.add(dependent.serviceId())) {
					affected.put(dependent.serviceId(), new AffectedService(dependent.serviceId(), dependent.name(),
							null, dependent.health().value(), through.distance(), List.of(), through.name(),
							dependent.type().value() + ", " + dependent.impact().value()));
					queue.add(dependent.serviceId());
				}
			}
		}
		return List.copyOf(affected.values());
	}

	/**
	 * A service a failure reaches: through which of its components (and how many links from the failed CI the
	 * nearest is), or through which service it depends on.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AffectedService(String serviceId, String name, @Nullable String criticality, String health, int distance,
			List<String> components, @Nullable String viaService, @Nullable String dependency) {
	}

}
