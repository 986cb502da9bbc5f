package io.nopesight.nlq;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the CMDB has changed: core's per-type change counters ({@code configuration_item_version}), which a
 * trigger bumps on every insert, update and delete of a CI, summed. What the reader derives from the CMDB (its
 * values, the index of CI names) is rebuilt only when this has moved since it was built.
 */
@Component
class CmdbChanges {

	private static final String CIS = "(SELECT coalesce(sum(version), 0) FROM configuration_item_version)";

	// a new event source is a new value to read, and events do not move the CIs' counters
	private static final String EVENT_SOURCES = "(SELECT count(DISTINCT source) FROM event)";

	private final JdbcClient jdbc;

	CmdbChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Moves whenever a CI is created, changed or deleted. */
	long ofCis() {
		return this.jdbc.sql("SELECT " + CIS).query(Long.class).single();
	}

	/** Moves whenever a CI changes or an event source is seen for the first time. */
	long ofCisAndEventSources() {
		return this.jdbc.sql("SELECT " + CIS + " + " + EVENT_SOURCES).query(Long.class).single();
	}

}
