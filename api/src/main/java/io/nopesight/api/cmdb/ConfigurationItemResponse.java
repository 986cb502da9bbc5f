package io.nopesight.api.cmdb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.Relationship;

/**
 * A configuration item as {@code GET /v1/cmdb/ci/{id}} shows it, with its relationships in both
 * directions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigurationItemResponse(String id, String name, String type, String status, @Nullable String description,
		Map<String, @Nullable Object> attributes, Map<String, @Nullable Object> customFields,
		List<RelationshipLink> relationships, Instant createdAt, Instant updatedAt, @Nullable String createdBy,
		@Nullable String updatedBy) {

	static ConfigurationItemResponse from(ConfigurationItem ci, List<Relationship> relationships) {
		return new ConfigurationItemResponse(ci.id(), ci.name(), ci.type(), ci.status().value(), ci.description(),
				ci.attributes(), ci.customFields(),
				relationships.stream().map((r) -> RelationshipLink.from(ci.id(), r)).toList(), ci.createdAt(),
				ci.updatedAt(), ci.createdBy(), ci.updatedBy());
	}

	/**
	 * One relationship seen from this CI: outgoing ones name their target, incoming ones their source.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RelationshipLink(String id, String type, String direction, @Nullable String targetCi,
			@Nullable String targetName, @Nullable String targetType, @Nullable String sourceCi,
			@Nullable String sourceName, @Nullable String sourceType, String discoveredBy, double confidence) {

		static RelationshipLink from(String ciId, Relationship r) {
			boolean outgoing = r.source().id().equals(ciId);
			return outgoing
					? new RelationshipLink(r.id(), r.type(), "outgoing", r.target().id(), r.target().name(),
							r.target().type(), null, null, null, r.discoveredBy(), r.confidence())
					: new RelationshipLink(r.id(), r.type(), "incoming", null, null, null, r.source().id(),
							r.source().name(), r.source().type(), r.discoveredBy(), r.confidence());
		}

	}

}
