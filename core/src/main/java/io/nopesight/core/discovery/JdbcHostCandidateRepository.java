package io.nopesight.core.discovery;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nopesight.core.cmdb.ConfigurationItemRef;

/**
 * Reads the CMDB for identification: every host-like CI that shares a serial number, MAC, IP address or
 * hostname label with a batch of hosts, with one query that the discovery indexes serve.
 */
@Repository
class JdbcHostCandidateRepository {

	// applications, databases and software are not hosts, whatever they are named or wherever they run
	private static final String HOSTS_ONLY = "type NOT IN ('application', 'database', 'software', 'service', "
			+ "'business_service')";

	// one index scan per key (serial_key, mac_key and hostname_label are stored generated columns over
	// attributes, see V7). The ids are gathered into an array first, so the rows are fetched by primary key:
	// as a semi-join the planner, misjudging how many ids come back, hashed them against a sequential scan
	// of the whole table.
	private static final String CANDIDATES = """
			SELECT id, name, type, attributes::text AS attributes, ip_addresses
			FROM configuration_item
			WHERE id = ANY(ARRAY(SELECT id FROM configuration_item WHERE serial_key = ANY(:serials)
			             UNION SELECT id FROM configuration_item WHERE mac_key = ANY(:macs)
			             UNION SELECT c.id FROM unnest(CAST(:ips AS text[])) AS ip
			                   JOIN configuration_item c ON c.ip_addresses @> ARRAY[ip]
			             UNION SELECT id FROM configuration_item WHERE lower(split_part(name, '.', 1)) = ANY(:labels)
			             UNION SELECT id FROM configuration_item WHERE hostname_label = ANY(:labels)))
			  AND %s
			ORDER BY id
			""".formatted(HOSTS_ONLY);

	// per address the host CI that carries it, the first by name as a single find-by-ip would list it
	private static final String HOSTS_BY_IP = """
			SELECT DISTINCT ON (ip) ip, c.id, c.name, c.type
			FROM unnest(CAST(:ips AS text[])) AS ip
			JOIN configuration_item c ON c.ip_addresses @> ARRAY[ip]
			WHERE %s
			ORDER BY ip, c.name, c.id
			""".formatted(HOSTS_ONLY);

	// A new host's name only matters among CIs of its type, so each (type, name) is one probe of the unique
	// key. LIMIT keeps each probe a probe: as a plain join, the planner, given thousands of names, hashed them
	// against a sequential scan of the whole table.
	private static final String TAKEN_NAMES = """
			SELECT c.type, c.name FROM unnest(CAST(:types AS text[]), CAST(:names AS text[])) AS n(type, name)
			CROSS JOIN LATERAL (SELECT type, name FROM configuration_item
			                    WHERE type = n.type AND name = n.name LIMIT 1) c
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	JdbcHostCandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<WorkingCi> candidates(Collection<String> serials, Collection<String> macs, Collection<String> ips,
			Collection<String> labels) {
		return this.jdbc.sql(CANDIDATES)
			.param("serials", serials.toArray(String[]::new))
			.param("macs", macs.toArray(String[]::new))
			.param("ips", ips.toArray(String[]::new))
			.param("labels", labels.toArray(String[]::new))
			.query((rs, n) -> {
				Map<String, @Nullable Object> attributes = JSON.readValue(rs.getString("attributes"), MAP);
				Set<String> allIps = new HashSet<>(List.of((String[]) rs.getArray("ip_addresses").getArray()));
				return new WorkingCi(rs.getString("id"), rs.getString("name"), rs.getString("type"), attributes,
						allIps);
			})
			.list();
	}

	/**
	 * The host CI carrying each of the given addresses, by address; addresses no host carries are left out.
	 */
	Map<String, ConfigurationItemRef> hostsByIp(Collection<String> ips) {
		Map<String, ConfigurationItemRef> hosts = new HashMap<>();
		if (!ips.isEmpty()) {
			this.jdbc.sql(HOSTS_BY_IP).param("ips", ips.toArray(String[]::new)).query((rs) -> {
				hosts.put(rs.getString("ip"),
						new ConfigurationItemRef(rs.getString("id"), rs.getString("name"), rs.getString("type")));
			});
		}
		return hosts;
	}

	/**
	 * The (type, name) pairs already taken among the given ones.
	 */
	List<String[]> takenNames(Collection<String[]> typeAndNames) {
		if (typeAndNames.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(TAKEN_NAMES)
			.param("types", typeAndNames.stream().map((pair) -> pair[0]).toArray(String[]::new))
			.param("names", typeAndNames.stream().map((pair) -> pair[1]).toArray(String[]::new))
			.query((rs, n) -> new String[] { rs.getString("type"), rs.getString("name") })
			.list();
	}

}
