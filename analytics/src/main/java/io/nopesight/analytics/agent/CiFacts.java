package io.nopesight.analytics.agent;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ConfigurationItem;

/**
 * What the optimizer needs of a CI: who it is, its environment and its sizes ({@code cpu_cores},
 * {@code memory_gb}, {@code disk_gb}; absent when the CMDB does not record one).
 */
record CiFacts(String id, String name, String type, @Nullable String environment, Map<Resource, Double> sizes) {

	CiFacts {
		sizes = Map.copyOf(sizes);
	}

	static CiFacts of(ConfigurationItem item) {
		Map<Resource, Double> sizes = new EnumMap<>(Resource.class);
		for (Resource resource : Resource.values()) {
			Double size = number(item.attributes().get(resource.sizeAttribute()));
			if (size != null && size > 0) {
				sizes.put(resource, size);
			}
		}
		Object environment = item.customFields().get("environment");
		return new CiFacts(item.id(), item.name(), item.type(), (environment != null) ? environment.toString() : null,
				sizes);
	}

	@Nullable Double size(Resource resource) {
		return this.sizes.get(resource);
	}

	private static @Nullable Double number(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.valueOf(text.strip().replaceAll("(?i)\\s*(gb|cores?|vcpus?)$", ""));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
