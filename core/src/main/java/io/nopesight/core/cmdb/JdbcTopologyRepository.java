package io.nopesight.core.cmdb;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTopologyRepository {

	private static final String ALL_NODES = "SELECT id, name, type FROM configuration_item";

	private static final String NODES = "SELECT id, name, type FROM configuration_item WHERE id = ANY(:ids)";

	private static final String ALL_RELATIONSHIPS = """
			SELECT id, type, source_id, target_id, discovered_by, confidence FROM relationship
			""";

	private static final String RELATIONSHIPS_OF = ALL_RELATIONSHIPS
			+ " WHERE source_id = ANY(:ids) OR target_id = ANY(:ids)";

	private final JdbcClient jdbc;

	JdbcTopologyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TopologyNode> allNodes() {
		return this.jdbc.sql(ALL_NODES).query(TopologyNode.class).list();
	}

	List<TopologyNode> nodes(Collection<String> ids) {
		return this.jdbc.sql(NODES).param("ids", ids.toArray(String[]::new)).query(TopologyNode.class).list();
	}

	List<StoredRelationship> allRelationships() {
		return this.jdbc.sql(ALL_RELATIONSHIPS).query(StoredRelationship.class).list();
	}

	List<StoredRelationship> relationshipsOf(Collection<String> ciIds) {
		return this.jdbc.sql(RELATIONSHIPS_OF)
			.param("ids", ciIds.toArray(String[]::new))
			.query(StoredRelationship.class)
			.list();
	}

	/**
	 * A relationship row, as the graph needs it.
	 */
	record StoredRelationship(String id, String type, String sourceId, String targetId, String discoveredBy,
			double confidence) {
	}

}
