package io.nopesight.core.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What answers on one open port, as a scanner identified it (nmap {@code -sV}, or the JSON scan's
 * {@code services}): the service's name, the product and its version, extra information, and the CPE names
 * that identify the software. {@code method} is how it was identified: {@code probed} (the scanner talked to
 * it) or {@code table} (a guess from the port number alone).
 */
public record DiscoveredService(int port, String protocol, @Nullable String name, @Nullable String product,
		@Nullable String version, @Nullable String extraInfo, List<String> cpe, @Nullable String method) {

	public DiscoveredService {
		cpe = List.copyOf(cpe);
	}

	/**
	 * The service as it is kept in a CI's {@code services} attribute: snake_case keys, absent values left out.
	 */
	Map<String, Object> toAttribute() {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("port", this.port);
		attribute.put("protocol", this.protocol);
		putIfPresent(attribute, "name", this.name);
		putIfPresent(attribute, "product", this.product);
		putIfPresent(attribute, "version", this.version);
		putIfPresent(attribute, "extra_info", this.extraInfo);
		if (!this.cpe.isEmpty()) {
			attribute.put("cpe", this.cpe);
		}
		putIfPresent(attribute, "method", this.method);
		return attribute;
	}

	private static void putIfPresent(Map<String, Object> attribute, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			attribute.put(key, value);
		}
	}

}
