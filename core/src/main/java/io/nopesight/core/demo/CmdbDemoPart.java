package io.nopesight.core.demo;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;

/**
 * The demo estate's CIs (network gear, hypervisors, servers in four environments, databases, applications,
 * workstations, software) and the relationships people would have entered, in one transaction.
 */
@Component
class CmdbDemoPart implements DemoEstatePart {

	static final String ACTOR = "demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	private final TransactionTemplate transaction;

	CmdbDemoPart(CmdbManagement cmdb, RelationshipManagement relationships, TransactionTemplate transaction) {
		this.cmdb = cmdb;
		this.relationships = relationships;
		this.transaction = transaction;
	}

	@Override
	public int getOrder() {
		return CMDB;
	}

	@Override
	public String load(DemoEstate estate) {
		List<JsonNode> cis = DemoEstate.jsonLines("demo/core/cis.jsonl");
		List<JsonNode> links = DemoEstate.jsonLines("demo/core/relationships.jsonl");
		this.transaction.executeWithoutResult((status) -> {
			for (JsonNode ci : cis) {
				String name = ci.get("name").asString();
				estate.remember(name, this.cmdb.create(new NewConfigurationItem(name, ci.get("type").asString(),
						ci.get("status").asString(), null, map(ci, "attributes"), map(ci, "custom_fields")), ACTOR).id());
			}
			for (JsonNode link : links) {
				this.relationships.create(new NewRelationship(link.get("type").asString(),
						estate.ciId(link.get("source").asString()), estate.ciId(link.get("target").asString()),
						map(link, "attributes"), null, null), ACTOR);
			}
		});
		return cis.size() + " configuration items, " + links.size() + " relationships";
	}

	private static Map<String, @Nullable Object> map(JsonNode record, String field) {
		JsonNode value = record.get(field);
		return (value == null || value.isNull()) ? Map.of() : JSON.convertValue(value, MAP);
	}

}
