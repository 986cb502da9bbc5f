package io.nopesight.core.cmdb;

import java.util.List;

/**
 * Links configuration items to each other and reads those links in both directions.
 */
public interface RelationshipManagement {

	Relationship create(NewRelationship relationship, String actor);

	Relationship get(String id);

	void delete(String id, String actor);

	Page<Relationship> list(RelationshipQuery query);

	/**
	 * Every relationship of {@code ciId}, outgoing and incoming.
	 */
	List<Relationship> of(String ciId);


}
