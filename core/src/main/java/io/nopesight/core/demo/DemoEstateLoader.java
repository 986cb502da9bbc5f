package io.nopesight.core.demo;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItemQuery;

/**
 * Fills an empty CMDB with the demo estate when {@code nopesight.demo=true} ({@code NOPESIGHT_DEMO=true}):
 * every module's {@link DemoEstatePart}, in their declared order, once the application is ready. A CMDB
 * that holds anything is left alone, so the switch can stay on across restarts.
 */
@Component
@ConditionalOnProperty(name = "nopesight.demo", havingValue = "true")
class DemoEstateLoader {

	private static final Logger logger = LoggerFactory.getLogger(DemoEstateLoader.class);

	private final CmdbManagement cmdb;

	private final ObjectProvider<DemoEstatePart> parts;

	private final Clock clock;

	DemoEstateLoader(CmdbManagement cmdb, ObjectProvider<DemoEstatePart> parts, Clock clock) {
		this.cmdb = cmdb;
		this.parts = parts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEmpty() {
		if (this.cmdb.list(new ConfigurationItemQuery(null, null, null, null, false, 1, 1)).total() > 0) {
			logger.info("Demo estate not loaded: the CMDB already holds configuration items");
			return;
		}
		DemoEstate estate = DemoEstate.endingOn(this.clock.instant());
		logger.info("Loading the demo estate, moved {} days forward to end on {}", estate.shift().toDays(),
				estate.shifted(DemoEstate.RECORDED_UNTIL));
		this.parts.orderedStream().forEach((part) -> {
			long started = System.nanoTime();
			String loaded = part.load(estate);
			logger.info("Demo estate: {} ({} ms)", loaded, (System.nanoTime() - started) / 1_000_000);
		});
	}

}
