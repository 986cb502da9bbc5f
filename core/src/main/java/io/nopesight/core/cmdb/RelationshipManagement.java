package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Optional;

/**
 * Links configuration items to each other and reads those links in both directions.
 */
public interface RelationshipManagement {

	/**
	 * Creates a relationship; {@link io.nopesight.core.ConflictException} if one of the same type already
	 * links the same CIs.
	 */
	Relationship create(NewRelationship relationship, String actor);

	/**
	 * Creates a relationship unless one of the same type already links the same CIs (then nothing is written
	 * and nothing published). Unlike {@link #create}, losing a race with another writer is not an error, so
	 * a caller's transaction stays usable.
	 */
	Optional<Relationship> createIfAbsent(NewRelationship relationship, String actor);

	Relationship get(String id);

	void delete(String id, String actor);

	Page<Relationship> list(RelationshipQuery query);

	/**
	 * Every relationship of {@code ciId}, outgoing and incoming.
	 */
	List<Relationship> of(String ciId);


}
