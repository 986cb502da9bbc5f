package io.nopesight.correlation.service;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A business service: what people call a thing they run ("Customer Portal"), made of CIs, with a
 * criticality, an SLA, and its health now.
 */
public record BusinessService(String id, String name, @Nullable String description, String criticality, Sla sla,
		List<Component> components, ServiceHealth health, Instant createdAt, Instant updatedAt) {

	public BusinessService {
		components = List.copyOf(components);
	}

	/**
	 * The service level agreed, as people write it ({@code "99.9%"}, {@code "< 2s"}).
	 */
	public record Sla(@Nullable String availability, @Nullable String responseTime) {
	}

	/**
	 * A CI the service is made of, and its role in it.
	 */
	public record Component(String ciId, String ciName, String ciType, @Nullable String role) {
	}

}
