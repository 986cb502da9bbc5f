package io.nopesight.nlq;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the CMDB's values for the reader's vocabulary, again only when the CMDB has changed since
 * ({@link CmdbChanges} tells).
 */
@Component
class JdbcCmdbValues {

	// the JSON paths are fixed per field, never taken from a question
	private static final Map<Condition.Field, String> COLUMNS = Map.of(Condition.Field.ENVIRONMENT,
			"custom_fields->>'environment'", Condition.Field.DEPARTMENT, "custom_fields->>'department'",
			Condition.Field.COST_CENTER, "custom_fields->>'cost_center'", Condition.Field.OWNER,
			"custom_fields->>'owner'", Condition.Field.OS, "attributes->>'os'", Condition.Field.LOCATION,
			"split_part(attributes->>'location', '-', 1)", Condition.Field.MANUFACTURER,
			"attributes->>'manufacturer'", Condition.Field.ENGINE, "attributes->>'engine'");

	// a software CI's product, or its name without the trailing version when it has no product attribute
	private static final String SOFTWARE = "SELECT coalesce(nullif(attributes->>'product', ''),"
			+ " regexp_replace(name, '\\s+v?\\d[^ ]*( \\S+)*$', '')) AS product, name FROM configuration_item"
			+ " WHERE type = 'software' ORDER BY 1, 2";

	private final JdbcClient jdbc;

	private final CmdbChanges changes;

	private volatile long version = -1;

	private volatile CmdbValues values = new CmdbValues(Map.of());

	JdbcCmdbValues(JdbcClient jdbc, CmdbChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	CmdbValues current() {
		long now = this.changes.ofCisAndEventSources();
		if (now != this.version) {
			synchronized (this) {
				if (now != this.version) {
					this.values = read();
					this.version = now;
				}
			}
		}
		return this.values;
	}

	private CmdbValues read() {
		Map<Condition.Field, List<String>> values = new EnumMap<>(Condition.Field.class);
		COLUMNS.forEach((field, column) -> values.put(field,
				this.jdbc.sql("SELECT DISTINCT " + column + " AS v FROM configuration_item WHERE " + column
						+ " IS NOT NULL AND " + column + " <> '' ORDER BY 1")
					.query(String.class)
					.list()));
		// the middle part of names written PROD-WEB-01: the role a naming convention gives
		values.put(Condition.Field.ROLE, this.jdbc.sql("SELECT DISTINCT upper(split_part(name, '-', 2)) FROM configuration_item"
				+ " WHERE name ~ '^[A-Za-z0-9]+-[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9]+$' ORDER BY 1")
			.query(String.class)
			.list());
		Map<String, List<String>> software = new java.util.TreeMap<>();
		this.jdbc.sql(SOFTWARE).query((rs, i) -> Map.entry(rs.getString("product"), rs.getString("name")))
			.list()
			.forEach((e) -> software.computeIfAbsent(e.getKey(), (k) -> new java.util.ArrayList<>()).add(e.getValue()));
		return new CmdbValues(values,
				this.jdbc.sql("SELECT DISTINCT source FROM event ORDER BY 1").query(String.class).list(), software);
	}

}
