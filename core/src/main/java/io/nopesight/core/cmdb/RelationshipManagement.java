package io.nopesight.core.cmdb;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

	/**
	 * How many relationships each of the given CIs has, in either direction.
	 */
	Map<String, Integer> countsOf(Collection<String> ciIds);

}
