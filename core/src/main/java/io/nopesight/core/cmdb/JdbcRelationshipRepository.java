package io.nopesight.core.cmdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRelationshipRepository {

	private static final String SELECT = """
			SELECT r.id, r.type, r.attributes::text AS attributes, r.discovered_by, r.confidence, r.created_at, r.revision,
			       s.id AS source_id, s.name AS source_name, s.type AS source_type,
			       t.id AS target_id, t.name AS target_name, t.type AS target_type
			FROM relationship r
			JOIN configuration_item s ON s.id = r.source_id
			JOIN configuration_item t ON t.id = r.target_id
			""";

	private static final String INSERT = """
			INSERT INTO relationship (id, type, source_id, target_id, attributes, discovered_by, confidence,
			                          created_at, updated_at, created_by)
			VALUES (:id, :type, :sourceId, :targetId, CAST(:attributes AS jsonb), :discoveredBy, :confidence,
			        :createdAt, :createdAt, :createdBy)
			""";

	// the unique key decides: a concurrent insert of the same link waits, then updates or leaves it. A row comes
	// back when one was written; xmax is 0 in a row this statement inserted.
	private static final String UPSERT_DISCOVERED = INSERT + """
			 ON CONFLICT ON CONSTRAINT relationship_source_target_type_key DO UPDATE
			SET attributes = excluded.attributes, confidence = excluded.confidence, updated_at = excluded.updated_at,
			    revision = relationship.revision + 1
			WHERE relationship.discovered_by = excluded.discovered_by
			  AND (relationship.attributes - CAST(:sightingKeys AS text[]), relationship.confidence)
			      IS DISTINCT FROM (excluded.attributes - CAST(:sightingKeys AS text[]), excluded.confidence)
			RETURNING id, xmax = 0 AS inserted
			""";

	private static final String EXISTS = """
			SELECT count(*) > 0 FROM relationship WHERE source_id = :sourceId AND target_id = :targetId AND type = :type
			""";

	private static final String DELETE = "DELETE FROM relationship WHERE id = :id";

	private static final String LOCK = "SELECT id FROM relationship WHERE id = :id FOR UPDATE";

	private static final String UPDATE_ATTRIBUTES = """
			UPDATE relationship SET attributes = CAST(:attributes AS jsonb), updated_at = :updatedAt,
			       revision = revision + 1
			WHERE id = :id
			""";

	private static final String FIND_BY_ID = SELECT + " WHERE r.id = :id";

	private static final String OF_CI = SELECT + """
			 WHERE r.source_id = :ci
			UNION ALL
			""" + SELECT + """
			 WHERE r.target_id = :ci
			ORDER BY type, created_at, id
			""";

	private static final String LIST_WHERE = " WHERE true";

	private static final String SOURCE_FILTER = " AND r.source_id = :sourceCi";

	private static final String TARGET_FILTER = " AND r.target_id = :targetCi";

	private static final String TYPE_FILTER = " AND r.type = :type";

	private static final String MANUAL_ONLY = " AND r.discovered_by <> 'ai_agent'";

	private static final String LIST_ORDER = " ORDER BY r.created_at, r.id LIMIT :limit OFFSET :offset";

	private static final String COUNT = "SELECT count(*) FROM relationship r";

	private static final RowMapper<Relationship> RELATIONSHIP = JdbcRelationshipRepository::map;

	private final JdbcClient jdbc;

	JdbcRelationshipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, NewRelationshipRow row) {
		this.jdbc.sql(INSERT).paramSource(params(id, row)).update();
	}

	/**
	 * Inserts unless a relationship of the same type already links the same CIs; whether it inserted.
	 */
	/**
	 * Inserts the link, or updates the one of the same discoverer when it differs.
	 * @return the id written and whether it was inserted, or empty when nothing was written
	 */
	Optional<Written> upsertDiscovered(String id, NewRelationshipRow row) {
		return this.jdbc.sql(UPSERT_DISCOVERED)
			.paramSource(params(id, row).addValue("sightingKeys",
					RelationshipManagement.SIGHTING_ATTRIBUTES.toArray(String[]::new)))
			.query((rs, n) -> new Written(rs.getString("id"), rs.getBoolean("inserted")))
			.optional();
	}

	record Written(String id, boolean inserted) {
	}

	private static MapSqlParameterSource params(String id, NewRelationshipRow row) {
		return new MapSqlParameterSource().addValue("id", id)
			.addValue("type", row.type())
			.addValue("sourceId", row.sourceId())
			.addValue("targetId", row.targetId())
			.addValue("attributes", Jsonb.write(row.attributes()))
			.addValue("discoveredBy", row.discoveredBy())
			.addValue("confidence", row.confidence())
			.addValue("createdAt", Timestamp.from(row.createdAt()))
			.addValue("createdBy", row.createdBy());
	}

	boolean exists(String sourceId, String targetId, String type) {
		return this.jdbc.sql(EXISTS)
			.param("sourceId", sourceId)
			.param("targetId", targetId)
			.param("type", type)
			.query(Boolean.class)
			.single();
	}

	boolean delete(String id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	Optional<Relationship> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(RELATIONSHIP).optional();
	}

	/**
	 * The relationship, locked until the transaction ends (its ends are not: they only name the CIs).
	 */
	Optional<Relationship> findByIdForUpdate(String id) {
		if (this.jdbc.sql(LOCK).param("id", id).query(String.class).optional().isEmpty()) {
			return Optional.empty();
		}
		return findById(id);
	}

	void updateAttributes(String id, Map<String, @Nullable Object> attributes, Instant updatedAt) {
		this.jdbc.sql(UPDATE_ATTRIBUTES)
			.param("id", id)
			.param("attributes", Jsonb.write(attributes))
			.param("updatedAt", Timestamp.from(updatedAt))
			.update();
	}

	List<Relationship> of(String ciId) {
		return this.jdbc.sql(OF_CI).param("ci", ciId).query(RELATIONSHIP).list();
	}

	List<Relationship> list(RelationshipQuery query) {
		String sql = SELECT + LIST_WHERE + filters(query) + LIST_ORDER;
		return bind(this.jdbc.sql(sql), query).param("limit", query.limit())
			.param("offset", query.offset())
			.query(RELATIONSHIP)
			.list();
	}

	long count(RelationshipQuery query) {
		return bind(this.jdbc.sql(COUNT + LIST_WHERE + filters(query)), query).query(Long.class).single();
	}

	private static String filters(RelationshipQuery query) {
		return ((query.sourceCi() != null) ? SOURCE_FILTER : "") + ((query.targetCi() != null) ? TARGET_FILTER : "")
				+ ((query.type() != null) ? TYPE_FILTER : "") + (query.includeAi() ? "" : MANUAL_ONLY);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, RelationshipQuery query) {
		JdbcClient.StatementSpec bound = statement;
		if (query.sourceCi() != null) {
			bound = bound.param("sourceCi", query.sourceCi());
		}
		if (query.targetCi() != null) {
			bound = bound.param("targetCi", query.targetCi());
		}
		if (query.type() != null) {
			bound = bound.param("type", query.type());
		}
		return bound;
	}

	private static Relationship map(ResultSet rs, int row) throws SQLException {
		return new Relationship(rs.getString("id"), rs.getString("type"),
				new ConfigurationItemRef(rs.getString("source_id"), rs.getString("source_name"),
						rs.getString("source_type")),
				new ConfigurationItemRef(rs.getString("target_id"), rs.getString("target_name"),
						rs.getString("target_type")),
				Jsonb.read(rs.getString("attributes")), rs.getString("discovered_by"), rs.getDouble("confidence"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("revision"));
	}

	/**
	 * A relationship row before it has an id.
	 */
	record NewRelationshipRow(String type, String sourceId, String targetId, Map<String, @Nullable Object> attributes,
			String discoveredBy, double confidence, Instant createdAt, String createdBy) {
	}

}
