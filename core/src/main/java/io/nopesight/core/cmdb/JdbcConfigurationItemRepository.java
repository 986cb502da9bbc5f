package io.nopesight.core.cmdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConfigurationItemRepository {

	private static final String COLUMNS = """
			id, name, type, status, description, attributes::text AS attributes, custom_fields::text AS custom_fields,
			created_at, updated_at, created_by, updated_by""";

	private static final String INSERT = """
			INSERT INTO configuration_item (id, name, type, status, description, attributes, custom_fields,
			                                created_at, updated_at, created_by, updated_by)
			VALUES (:id, :name, :type, :status, :description, CAST(:attributes AS jsonb), CAST(:customFields AS jsonb),
			        :createdAt, :updatedAt, :createdBy, :updatedBy)
			""";

	private static final String UPDATE = """
			UPDATE configuration_item SET name = :name, type = :type, status = :status, description = :description,
			       attributes = CAST(:attributes AS jsonb), custom_fields = CAST(:customFields AS jsonb),
			       updated_at = :updatedAt, updated_by = :updatedBy
			WHERE id = :id
			""";

	// one statement per batch: the statement-level count and version triggers fire once, not once per row
	private static final String INSERT_ALL = """
			INSERT INTO configuration_item (id, name, type, status, description, attributes, custom_fields,
			                                created_at, updated_at, created_by, updated_by)
			SELECT r.id, r.name, r.type, r.status, r.description, r.attributes, r.custom_fields, r.created_at,
			       r.updated_at, r.created_by, r.updated_by
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, name text, type text, status text,
			     description text, attributes jsonb, custom_fields jsonb, created_at timestamptz, updated_at timestamptz,
			     created_by text, updated_by text)
			""";

	private static final String UPDATE_ALL = """
			UPDATE configuration_item c SET name = r.name, type = r.type, status = r.status, description = r.description,
			       attributes = r.attributes, custom_fields = r.custom_fields, updated_at = r.updated_at,
			       updated_by = r.updated_by
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, name text, type text, status text,
			     description text, attributes jsonb, custom_fields jsonb, updated_at timestamptz, updated_by text)
			WHERE c.id = r.id
			""";

	private static final String DELETE = "DELETE FROM configuration_item WHERE id = :id";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM configuration_item WHERE id = :id";

	private static final String FIND_BY_ID_FOR_UPDATE = FIND_BY_ID + " FOR UPDATE";

	private static final String FIND_BY_IDS = "SELECT " + COLUMNS + " FROM configuration_item WHERE id = ANY(:ids)";

	private static final String FIND_BY_IDS_FOR_UPDATE = FIND_BY_IDS + " ORDER BY id FOR UPDATE";

	private static final String FIND_BY_IP = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE ip_addresses @> ARRAY[CAST(:ip AS text)] ORDER BY name, id";

	private static final String FIND_BY_NAME = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE name = :name ORDER BY type, id";

	private static final String FIND_AFTER = "SELECT " + COLUMNS
			+ " FROM configuration_item WHERE id > :after ORDER BY id LIMIT :limit";

	private static final String COUNT = "SELECT coalesce(sum(n), 0) FROM configuration_item_count WHERE true";

	private static final String VERSION = "SELECT coalesce(sum(version), 0) FROM configuration_item_version WHERE true";

	private static final String TYPE_FILTER = " AND type = :type";

	private static final String STATUS_FILTER = " AND status = :status";

	private static final RowMapper<ConfigurationItem> CONFIGURATION_ITEM = JdbcConfigurationItemRepository::map;

	private final JdbcClient jdbc;

	private final PageAnchors anchors = new PageAnchors();

	JdbcConfigurationItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ConfigurationItem ci) {
		this.jdbc.sql(INSERT).paramSource(params(ci)).update();
	}

	void update(ConfigurationItem ci) {
		this.jdbc.sql(UPDATE).paramSource(params(ci)).update();
	}

	void insertAll(List<ConfigurationItem> cis) {
		if (!cis.isEmpty()) {
			this.jdbc.sql(INSERT_ALL).param("rows", rows(cis)).update();
		}
	}

	void updateAll(List<ConfigurationItem> cis) {
		if (!cis.isEmpty()) {
			this.jdbc.sql(UPDATE_ALL).param("rows", rows(cis)).update();
		}
	}

	private static String rows(List<ConfigurationItem> cis) {
		List<java.util.Map<String, @Nullable Object>> rows = new ArrayList<>(cis.size());
		for (ConfigurationItem ci : cis) {
			java.util.Map<String, @Nullable Object> row = new java.util.LinkedHashMap<>();
			row.put("id", ci.id());
			row.put("name", ci.name());
			row.put("type", ci.type());
			row.put("status", ci.status().value());
			row.put("description", ci.description());
			row.put("attributes", ci.attributes());
			row.put("custom_fields", ci.customFields());
			row.put("created_at", ci.createdAt().toString());
			row.put("updated_at", ci.updatedAt().toString());
			row.put("created_by", ci.createdBy());
			row.put("updated_by", ci.updatedBy());
			rows.add(row);
		}
		return Jsonb.writeValue(rows);
	}

	/**
	 * The given CIs, locked for update in id order (so concurrent bulk writers never deadlock).
	 */
	List<ConfigurationItem> findByIdsForUpdate(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(FIND_BY_IDS_FOR_UPDATE)
			.param("ids", ids.toArray(String[]::new))
			.query(CONFIGURATION_ITEM)
			.list();
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

	List<ConfigurationItem> findByIp(String ip) {
		return this.jdbc.sql(FIND_BY_IP).param("ip", ip).query(CONFIGURATION_ITEM).list();
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

	long count(@Nullable String type, @Nullable ConfigurationItemStatus status) {
		String sql = COUNT + ((type != null) ? TYPE_FILTER : "") + ((status != null) ? STATUS_FILTER : "");
		return bindFilters(this.jdbc.sql(sql), type, status).query(Long.class).single();
	}

	/**
	 * One page in the given order. A page past the first starts from the nearest cached anchor (see
	 * {@link PageAnchors}) and walks the sort index from there, so every page costs about the same. Call
	 * inside one repeatable-read transaction, so the version, the anchors and the page agree.
	 */
	List<ConfigurationItem> page(@Nullable String type, @Nullable ConfigurationItemStatus status,
			ConfigurationItemSort sort, boolean descending, long offset, int limit) {
		String filters = filters(type, status);
		String direction = descending ? " DESC" : "";
		String orderBy = " ORDER BY " + sort.column() + direction + ", id" + direction;
		String key = "(" + sort.column() + ", id)";
		String from = descending ? " <= " : " >= ";
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
			.append(" FROM configuration_item WHERE true")
			.append(filters);
		PageAnchors.SortKey anchor = null;
		if (offset > 0) {
			anchor = (offset >= PageAnchors.SPACING) ? anchor(type, status, sort, descending, offset) : null;
			sql.append(" AND ")
				.append(key)
				.append(from)
				.append("(SELECT ")
				.append(sort.column())
				.append(", id FROM configuration_item WHERE true")
				.append(filters)
				.append((anchor != null) ? " AND " + key + from + "(:anchorValue, :anchorId)" : "")
				.append(orderBy)
				.append(" OFFSET :offset LIMIT 1)");
		}
		sql.append(orderBy).append(" LIMIT :limit");
		JdbcClient.StatementSpec statement = bindFilters(this.jdbc.sql(sql.toString()), type, status)
			.param("limit", limit);
		if (offset > 0) {
			statement = statement.param("offset", (anchor != null) ? offset % PageAnchors.SPACING : offset);
		}
		if (anchor != null) {
			statement = statement.param("anchorValue", anchor.value()).param("anchorId", anchor.id());
		}
		return statement.query(CONFIGURATION_ITEM).list();
	}

	private PageAnchors.@Nullable SortKey anchor(@Nullable String type, @Nullable ConfigurationItemStatus status,
			ConfigurationItemSort sort, boolean descending, long offset) {
		PageAnchors.Key key = new PageAnchors.Key(type, status, sort, descending);
		String versionSql = VERSION + ((type != null) ? TYPE_FILTER : "");
		JdbcClient.StatementSpec versionQuery = this.jdbc.sql(versionSql);
		long version = ((type != null) ? versionQuery.param("type", type) : versionQuery).query(Long.class).single();
		List<PageAnchors.SortKey> anchors = this.anchors.get(key, version).orElseGet(() -> {
			String direction = descending ? " DESC" : "";
			String sql = "SELECT value, id FROM (SELECT " + sort.column() + " AS value, id, row_number() OVER (ORDER BY "
					+ sort.column() + direction + ", id" + direction + ") AS rn FROM configuration_item WHERE true"
					+ filters(type, status) + ") ranked WHERE (rn - 1) % " + PageAnchors.SPACING + " = 0 ORDER BY rn";
			List<PageAnchors.SortKey> read = bindFilters(this.jdbc.sql(sql), type, status)
				.query((rs, n) -> new PageAnchors.SortKey((sort == ConfigurationItemSort.NAME) ? rs.getString(1)
						: rs.getObject(1, java.time.OffsetDateTime.class), rs.getString(2)))
				.list();
			this.anchors.put(key, version, read);
			return read;
		});
		int index = (int) (offset / PageAnchors.SPACING);
		return (index < anchors.size()) ? anchors.get(index) : null;
	}

	private static String filters(@Nullable String type, @Nullable ConfigurationItemStatus status) {
		return ((type != null) ? TYPE_FILTER : "") + ((status != null) ? STATUS_FILTER : "");
	}

	private static JdbcClient.StatementSpec bindFilters(JdbcClient.StatementSpec statement, @Nullable String type,
			@Nullable ConfigurationItemStatus status) {
		JdbcClient.StatementSpec bound = statement;
		if (type != null) {
			bound = bound.param("type", type);
		}
		if (status != null) {
			bound = bound.param("status", status.value());
		}
		return bound;
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

	private static ConfigurationItem map(ResultSet rs, int row) throws SQLException {
		return new ConfigurationItem(rs.getString("id"), rs.getString("name"), rs.getString("type"),
				ConfigurationItemStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getString("description"),
				Jsonb.read(rs.getString("attributes")), Jsonb.read(rs.getString("custom_fields")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("created_by"), rs.getString("updated_by"));
	}

	static List<ConfigurationItem> inOrder(List<String> ids, List<ConfigurationItem> items) {
		java.util.Map<String, ConfigurationItem> byId = new java.util.HashMap<>();
		items.forEach((ci) -> byId.put(ci.id(), ci));
		List<ConfigurationItem> ordered = new ArrayList<>(ids.size());
		ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
		return ordered;
	}

}
