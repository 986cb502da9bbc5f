package io.nopesight.api.cmdb;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ConfigurationItemRef;
import io.nopesight.core.cmdb.Relationship;

/**
 * A relationship as the reference shows it, with both ends named.
 */
record RelationshipResponse(String id, String type, ConfigurationItemRef source, ConfigurationItemRef target,
		Map<String, @Nullable Object> attributes, String discoveredBy, double confidence, Instant createdAt) {

	static RelationshipResponse from(Relationship r) {
		return new RelationshipResponse(r.id(), r.type(), r.source(), r.target(), r.attributes(), r.discoveredBy(),
				r.confidence(), r.createdAt());
	}

}
