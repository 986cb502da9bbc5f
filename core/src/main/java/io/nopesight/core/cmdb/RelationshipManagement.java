package io.nopesight.core.cmdb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.ExpectedRevision;
import io.nopesight.core.Page;

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
	 * Attributes of a discovered link that count or date its sightings: written along with a change, never a
	 * change by themselves (as {@link CmdbManagement#SIGHTING_ATTRIBUTES} for CIs), so that every new sighting
	 * of a settled link publishes nothing.
	 */
	Set<String> SIGHTING_ATTRIBUTES = Set.of("observations", "first_seen", "last_seen");

	/**
	 * Records a link a discoverer ({@link NewRelationship#discoveredBy()}) found. Absent, it is created
	 * ({@code relationship.created}). Made earlier by the same discoverer, its attributes and confidence are
	 * brought up to date when they changed beyond {@link #SIGHTING_ATTRIBUTES} ({@code relationship.updated}), as
	 * evidence accumulates. A link of the same type set by people or by another discoverer is left as it is.
	 * Unlike {@link #create}, losing a race with another writer is not an error, so a caller's transaction stays
	 * usable.
	 */
	Discovered recordDiscovered(NewRelationship relationship, String actor);

	/**
	 * What {@link #recordDiscovered} did.
	 */
	enum Discovered {

		CREATED, UPDATED, UNCHANGED

	}

	Relationship get(String id);

	void delete(String id, String actor);

	/**
	 * Deletes the relationship; with {@code expected}, only if it is still at one of those revisions.
	 */
	void delete(String id, String actor, @Nullable ExpectedRevision expected);

	/**
	 * Merges {@code attributes} into the relationship's (a {@code null} value removes a key) and publishes
	 * {@code relationship.updated}; with {@code expected}, only if it is still at one of those revisions.
	 */
	Relationship update(String id, Map<String, @Nullable Object> attributes, String actor,
			@Nullable ExpectedRevision expected);

	Page<Relationship> list(RelationshipQuery query);

	/**
	 * Every relationship of {@code ciId}, outgoing and incoming.
	 */
	List<Relationship> of(String ciId);


}
