package io.nopesight.api.cmdb;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ListedConfigurationItem;

/**
 * A configuration item as a list shows it: its relationships only counted, with a link to them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigurationItemSummary(String id, String name, String type, String status, @Nullable String description,
		Map<String, @Nullable Object> attributes, Map<String, @Nullable Object> customFields,
		RelationshipCount relationships, Instant createdAt, Instant updatedAt, @Nullable String createdBy,
		@Nullable String updatedBy) {

	static ConfigurationItemSummary from(ListedConfigurationItem listed) {
		ConfigurationItem ci = listed.item();
		int relationshipCount = listed.relationshipCount();
		return new ConfigurationItemSummary(ci.id(), ci.name(), ci.type(), ci.status().value(), ci.description(),
				ci.attributes(), ci.customFields(),
				new RelationshipCount(relationshipCount, "/v1/cmdb/ci/" + ci.id() + "/relationships"), ci.createdAt(),
				ci.updatedAt(), ci.createdBy(), ci.updatedBy());
	}

	record RelationshipCount(int count, String href) {
	}

}
