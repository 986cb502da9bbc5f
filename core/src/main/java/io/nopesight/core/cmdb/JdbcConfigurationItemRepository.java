package io.nopesight.core.cmdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConfigurationItemRepository {

	static final String COLUMNS = """
			id, name, type, status, description, attributes::text AS attributes, custom_fields::text AS custom_fields,
			created_at, updated_at, created_by, updated_by, revision""";

	// evaluated only for the rows a page returns (after its LIMIT), each by one index probe per direction
	static final String LISTED_COLUMNS = COLUMNS + """
			, (SELECT count(*) FROM relationship r WHERE r.source_id = configuration_item.id)
			  + (SELECT count(*) FROM relationship r WHERE r.target_id = configuration_item.id) AS relationship_count""";

	private static final String INSERT = """
			INSERT INTO configuration_item (id, name, type, status, description, attributes, custom_fields,
			                                created_at, updated_at, created_by, updated_by)
			VALUES (:id, :name, :type, :status, :description, CAST(:attributes AS jsonb), CAST(:customFields AS jsonb),
			        :createdAt, :updatedAt, :createdBy, :updatedBy)
			""";

	private static final String UPDATE = """
			UPDATE configuration_item SET name = :name, type = :type, status = :status, description = :description,
			       attributes = CAST(:attributes AS jsonb), custom_fields = CAST(:customFields AS jsonb),
			       updated_at = :updatedAt, updated_by = :updatedBy, revision = revision + 1
			WHERE id = :id
			RETURNING revision
			""";

	private static final String DELETE = "DELETE FROM configuration_item WHERE id = :id";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM configuration_item WHERE id = :id";

	private static final String FIND_BY_ID_FOR_UPDATE = FIND_BY_ID + " FOR UPDATE";

	private static final String FIND_BY_IDS = "SELECT " + COLUMNS + " FROM configuration_item WHERE id = ANY(:ids)";

	private static final String FIND_LISTED_BY_IDS = "SELECT " + LISTED_COLUMNS
			+ " FROM configuration_item WHERE id = ANY(:ids)";

	private static final String FIND_BY_IP = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE ip_addresses @> ARRAY[CAST(:ip AS text)] ORDER BY name, id";

	private static final String FIND_BY_NAME = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE name = :name ORDER BY type, id";

	// a host name as monitoring names a machine: the CI's own name, or the first label of its hostname attribute
	private static final String FIND_BY_HOST = "SELECT " + COLUMNS + """
			 FROM configuration_item
			WHERE hostname_label = lower(split_part(:host, '.', 1)) OR lower(name) = lower(:host)
			   OR lower(name) = lower(split_part(:host, '.', 1))
			ORDER BY CASE WHEN lower(attributes ->> 'hostname') = lower(:host) OR lower(name) = lower(:host) THEN 0 ELSE 1 END,
			         type, id
			""";

	private static final String FIND_AFTER = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE id > :after ORDER BY id LIMIT :limit";

	private static final RowMapper<ConfigurationItem> CONFIGURATION_ITEM = JdbcConfigurationItemRepository::map;

	private final JdbcClient jdbc;

	JdbcConfigurationItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ConfigurationItem ci) {
		this.jdbc.sql(INSERT).paramSource(params(ci)).update();
	}

	/**
	 * Writes the CI's fields; the revision it is at now.
	 */
	long update(ConfigurationItem ci) {
		return this.jdbc.sql(UPDATE).paramSource(params(ci)).query(Long.class).single();
	}

	boolean delete(String id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	Optional<ConfigurationItem> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(CONFIGURATION_ITEM).optional();
	}

	Optional<ConfigurationItem> findByIdForUpdate(String id) {
		return this.jdbc.sql(FIND_BY_ID_FOR_UPDATE).param("id", id).query(CONFIGURATION_ITEM).optional();
	}

	List<ConfigurationItem> findByIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(FIND_BY_IDS).param("ids", ids.toArray(String[]::new)).query(CONFIGURATION_ITEM).list();
	}

	List<ListedConfigurationItem> findListedByIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(FIND_LISTED_BY_IDS)
			.param("ids", ids.toArray(String[]::new))
			.query(JdbcConfigurationItemRepository::mapListed)
			.list();
	}

	List<ConfigurationItem> findByIp(String ip) {
		return this.jdbc.sql(FIND_BY_IP).param("ip", ip).query(CONFIGURATION_ITEM).list();
	}

	List<ConfigurationItem> findByHost(String host) {
		return this.jdbc.sql(FIND_BY_HOST).param("host", host).query(CONFIGURATION_ITEM).list();
	}

	List<ConfigurationItem> findByName(String name) {
		return this.jdbc.sql(FIND_BY_NAME).param("name", name).query(CONFIGURATION_ITEM).list();
	}

	/**
	 * A batch of CIs in id order, for walking the whole table.
	 */
	List<ConfigurationItem> findAfter(String afterId, int limit) {
		return this.jdbc.sql(FIND_AFTER).param("after", afterId).param("limit", limit).query(CONFIGURATION_ITEM).list();
	}


	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ConfigurationItem ci) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("id", ci.id())
			.addValue("name", ci.name())
			.addValue("type", ci.type())
			.addValue("status", ci.status().value())
			.addValue("description", ci.description())
			.addValue("attributes", Jsonb.write(ci.attributes()))
			.addValue("customFields", Jsonb.write(ci.customFields()))
			.addValue("createdAt", Timestamp.from(ci.createdAt()))
			.addValue("updatedAt", Timestamp.from(ci.updatedAt()))
			.addValue("createdBy", ci.createdBy())
			.addValue("updatedBy", ci.updatedBy());
	}

	static ConfigurationItem map(ResultSet rs, int row) throws SQLException {
		return new ConfigurationItem(rs.getString("id"), rs.getString("name"), rs.getString("type"),
				ConfigurationItemStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getString("description"),
				Jsonb.read(rs.getString("attributes")), Jsonb.read(rs.getString("custom_fields")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("created_by"), rs.getString("updated_by"), rs.getLong("revision"));
	}

	static ListedConfigurationItem mapListed(ResultSet rs, int row) throws SQLException {
		return new ListedConfigurationItem(map(rs, row), rs.getInt("relationship_count"));
	}

	static List<ListedConfigurationItem> inOrder(List<String> ids, List<ListedConfigurationItem> items) {
		Map<String, ListedConfigurationItem> byId = new HashMap<>();
		items.forEach((listed) -> byId.put(listed.item().id(), listed));
		List<ListedConfigurationItem> ordered = new ArrayList<>(ids.size());
		ids.stream().map(byId::get).filter(Objects::nonNull).forEach(ordered::add);
		return ordered;
	}

}
