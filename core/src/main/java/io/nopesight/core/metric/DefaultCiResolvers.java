package io.nopesight.core.metric;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nopesight.core.NotFoundException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;

@Component
class DefaultCiResolvers implements CiResolvers {

	private static final Pattern CI_ID = Pattern.compile("ci_[0-9a-f]{4,64}");

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final String BY_HOST_NAME = """
			SELECT id, lower(name) = lower(:host) AS exact FROM configuration_item
			WHERE lower(name) = lower(:host) OR lower(split_part(name, '.', 1)) = lower(:short)
			""";

	private final CmdbManagement cmdb;

	private final JdbcClient jdbc;

	DefaultCiResolvers(CmdbManagement cmdb, JdbcClient jdbc) {
		this.cmdb = cmdb;
		this.jdbc = jdbc;
	}

	@Override
	public CiResolver newResolver() {
		return new CachingResolver();
	}

	private CiResolver.Match lookUpReference(String reference) {
		if (CI_ID.matcher(reference).matches()) {
			try {
				return CiResolver.Match.found(this.cmdb.get(reference).id());
			}
			catch (NotFoundException ex) {
				// not an id after all: it may still be a name
			}
		}
		List<ConfigurationItem> named = this.cmdb.findByName(reference);
		if (named.isEmpty()) {
			return CiResolver.Match.problem("unknown CI '" + reference + "'");
		}
		if (named.size() > 1) {
			return CiResolver.Match.problem("CI name '" + reference + "' is ambiguous: " + named.size()
					+ " configuration items (types " + String.join(", ", named.stream().map(ConfigurationItem::type).toList())
					+ ") share it; use the CI id");
		}
		return CiResolver.Match.found(named.get(0).id());
	}

	private CiResolver.Match lookUpInstance(String instance) {
		String host = host(instance);
		if (host.isEmpty()) {
			return CiResolver.Match.problem("instance label '" + instance + "' names no host");
		}
		if (IPV4.matcher(host).matches() || host.contains(":")) {
			List<ConfigurationItem> found = this.cmdb.findByIp(host);
			if (found.size() == 1) {
				return CiResolver.Match.found(found.get(0).id());
			}
			return CiResolver.Match.problem(found.isEmpty() ? "no CI has IP " + host
					: found.size() + " CIs share IP " + host + "; give one of them the address only");
		}
		String shortName = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
		List<Map.Entry<String, Boolean>> matches = this.jdbc.sql(BY_HOST_NAME)
			.param("host", host)
			.param("short", shortName)
			.query((rs, n) -> Map.entry(rs.getString("id"), rs.getBoolean("exact")))
			.list();
		List<String> exact = matches.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).distinct().toList();
		List<String> all = matches.stream().map(Map.Entry::getKey).distinct().toList();
		List<String> best = exact.isEmpty() ? all : exact;
		if (best.size() == 1) {
			return CiResolver.Match.found(best.get(0));
		}
		return CiResolver.Match.problem(best.isEmpty() ? "no CI is named '" + host + "'"
				: best.size() + " CIs match host name '" + host + "'");
	}

	static String host(String instance) {
		String value = instance.trim();
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			return (end > 0) ? value.substring(1, end) : value;
		}
		int colon = value.indexOf(':');
		if (colon >= 0 && colon == value.lastIndexOf(':')) {
			return value.substring(0, colon);
		}
		return value;
	}

	private final class CachingResolver implements CiResolver {

		private final Map<String, Match> references = new ConcurrentHashMap<>();

		private final Map<String, Match> instances = new ConcurrentHashMap<>();

		@Override
		public Match byReference(String reference) {
			return this.references.computeIfAbsent(reference.strip(), DefaultCiResolvers.this::lookUpReference);
		}

		@Override
		public Match byInstance(String instance) {
			return this.instances.computeIfAbsent(instance, DefaultCiResolvers.this::lookUpInstance);
		}

	}

}
