package io.nopesight.core.cmdb;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes many CIs with one statement each way, for bulk writers such as discovery. Statement-level count
 * and version triggers then fire once per batch, not once per row.
 */
@Repository
class JdbcConfigurationItemBulkWrites {

	// columns as arrays: no JSON document of whole rows to build, send and take apart again
	private static final String INSERT_ALL = """
			INSERT INTO configuration_item (id, name, type, status, description, attributes, custom_fields,
			                                created_at, updated_at, created_by, updated_by)
			SELECT r.id, r.name, r.type, r.status, r.description, CAST(r.attributes AS jsonb),
			       CAST(r.custom_fields AS jsonb), :now, :now, :actor, :actor
			FROM unnest(CAST(:ids AS text[]), CAST(:names AS text[]), CAST(:types AS text[]), CAST(:statuses AS text[]),
			            CAST(:descriptions AS text[]), CAST(:attributes AS text[]), CAST(:customFields AS text[]))
			     AS r(id, name, type, status, description, attributes, custom_fields)
			""";

	// row locks in id order first, so two bulk writers never deadlock whatever order the UPDATE visits rows in
	private static final String LOCK = """
			SELECT id FROM configuration_item WHERE id = ANY(:ids) ORDER BY id FOR UPDATE
			""";

	// the patch is merged here, against the locked row: nothing is read back and re-sent, and a key someone
	// else changed since the caller read the row keeps their value unless the patch names it
	private static final String UPDATE_ALL = """
			UPDATE configuration_item c
			SET name = coalesce(r.name, c.name), type = coalesce(r.type, c.type), status = coalesce(r.status, c.status),
			    description = coalesce(r.description, c.description),
			    attributes = (c.attributes - r.attributes_unset) || r.attributes_set,
			    custom_fields = (c.custom_fields - r.custom_fields_unset) || r.custom_fields_set,
			    updated_at = :now, updated_by = :actor, revision = c.revision + 1
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, name text, type text, status text,
			     description text, attributes_set jsonb, attributes_unset text[], custom_fields_set jsonb,
			     custom_fields_unset text[])
			WHERE c.id = r.id
			RETURNING c.id, c.name, c.type
			""";

	// attributes only, and updated_at stays: with no indexed column changed this is a HOT update (V7)
	private static final String SET_SIGHTINGS = """
			UPDATE configuration_item c SET attributes = c.attributes || r.seen
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, seen jsonb)
			WHERE c.id = r.id
			""";

	private final JdbcClient jdbc;

	JdbcConfigurationItemBulkWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts CIs that share their creation time and creator.
	 */
	void insertAll(List<ConfigurationItem> cis, Instant now, String actor) {
		if (cis.isEmpty()) {
			return;
		}
		int n = cis.size();
		String[] ids = new String[n];
		String[] names = new String[n];
		String[] types = new String[n];
		String[] statuses = new String[n];
		String[] descriptions = new String[n];
		String[] attributes = new String[n];
		String[] customFields = new String[n];
		for (int i = 0; i < n; i++) {
			ConfigurationItem ci = cis.get(i);
			ids[i] = ci.id();
			names[i] = ci.name();
			types[i] = ci.type();
			statuses[i] = ci.status().value();
			descriptions[i] = ci.description();
			attributes[i] = Jsonb.write(ci.attributes());
			customFields[i] = Jsonb.write(ci.customFields());
		}
		this.jdbc.sql(INSERT_ALL)
			.param("ids", ids)
			.param("names", names)
			.param("types", types)
			.param("statuses", statuses)
			.param("descriptions", descriptions)
			.param("attributes", attributes)
			.param("customFields", customFields)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
	}

	/**
	 * Locks the CIs in id order; returns the ids that exist.
	 */
	List<String> lock(Iterable<String> ids) {
		List<String> wanted = new ArrayList<>();
		ids.forEach(wanted::add);
		if (wanted.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(LOCK).param("ids", wanted.toArray(String[]::new)).query(String.class).list();
	}

	/**
	 * Applies partial updates (by CI id) to locked CIs; returns the short form of each CI as written.
	 */
	List<ConfigurationItemRef> updateAll(Map<String, ConfigurationItemChanges> changes, Instant now, String actor) {
		if (changes.isEmpty()) {
			return List.of();
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(changes.size());
		changes.forEach((id, change) -> {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("id", id);
			row.put("name", (change.name() != null) ? change.name().strip() : null);
			row.put("type", change.type());
			row.put("status", change.status());
			row.put("description", change.description());
			patch(row, "attributes", change.attributes());
			patch(row, "custom_fields", change.customFields());
			rows.add(row);
		});
		return this.jdbc.sql(UPDATE_ALL)
			.param("rows", Jsonb.write(rows))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query((rs, i) -> new ConfigurationItemRef(rs.getString("id"), rs.getString("name"), rs.getString("type")))
			.list();
	}

	/**
	 * Merges sighting attributes into locked CIs, leaving everything else (updated_at too) as it is.
	 */
	void setSightings(Map<String, Map<String, Object>> sightings) {
		if (sightings.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>(sightings.size());
		sightings.forEach((id, seen) -> rows.add(Map.of("id", id, "seen", seen)));
		this.jdbc.sql(SET_SIGHTINGS).param("rows", Jsonb.write(rows)).update();
	}

	private static void patch(Map<String, @Nullable Object> row, String column,
			@Nullable Map<String, @Nullable Object> patch) {
		Map<String, Object> set = new LinkedHashMap<>();
		List<String> unset = new ArrayList<>();
		if (patch != null) {
			patch.forEach((key, value) -> {
				if (value == null) {
					unset.add(key);
				}
				else {
					set.put(key, value);
				}
			});
		}
		row.put(column + "_set", set);
		row.put(column + "_unset", unset);
	}

}
