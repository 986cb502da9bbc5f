package io.nopesight.core.demo;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemQuery;
import io.nopesight.core.cmdb.NewConfigurationItem;
import io.nopesight.core.cmdb.NewRelationship;
import io.nopesight.core.cmdb.RelationshipManagement;

/**
 * Fills an empty CMDB with the {@link DemoEstate} when {@code nopesight.demo=true}
 * ({@code NOPESIGHT_DEMO=true}); a CMDB that holds anything is left alone.
 */
@Component
@ConditionalOnProperty(name = "nopesight.demo", havingValue = "true")
class DemoEstateLoader {

	private static final Logger logger = LoggerFactory.getLogger(DemoEstateLoader.class);

	private static final String ACTOR = "demo";

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	private final TransactionTemplate transaction;

	DemoEstateLoader(CmdbManagement cmdb, RelationshipManagement relationships, TransactionTemplate transaction) {
		this.cmdb = cmdb;
		this.relationships = relationships;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEmpty() {
		if (this.cmdb.list(new ConfigurationItemQuery(null, null, null, null, false, 1, 1)).total() > 0) {
			logger.info("Demo estate not loaded: the CMDB already holds configuration items");
			return;
		}
		DemoEstate estate = DemoEstate.generate(42);
		this.transaction.executeWithoutResult((status) -> {
			Map<String, String> ids = new HashMap<>();
			for (DemoEstate.Item item : estate.items()) {
				ConfigurationItem ci = this.cmdb.create(new NewConfigurationItem(item.name(), item.type(), item.status(),
						null, item.attributes(), item.customFields()), ACTOR);
				ids.put(item.name(), ci.id());
			}
			for (DemoEstate.Link link : estate.links()) {
				this.relationships.create(new NewRelationship(link.type(), ids.get(link.source()),
						ids.get(link.target()), link.attributes(), null, null), ACTOR);
			}
		});
		logger.info("Loaded the demo estate: {} configuration items, {} relationships", estate.items().size(),
				estate.links().size());
	}

}
