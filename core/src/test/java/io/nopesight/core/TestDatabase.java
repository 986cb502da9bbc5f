package io.nopesight.core;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a fresh schema and a fresh data folder.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String url = PostgresForTests.freshSchemaUrl();
		String dataDir = PostgresForTests.freshDataDir().toString();
		registry.add("nopesight.db.url", () -> url);
		registry.add("nopesight.db.user", PostgresForTests::user);
		registry.add("nopesight.data-dir", () -> dataDir);
		// test contexts are cached and stay open; small pools keep them all under max_connections
		registry.add("nopesight.db.pool-size", () -> "6");
		// Quartz keeps each scheduler's data source in a JVM-wide map by scheduler name: contexts sharing a name
		// in one JVM would run each other's schedules against each other's schema
		String scheduler = "nopesight-" + url.substring(url.indexOf("currentSchema=") + "currentSchema=".length())
			.split("&")[0];
		registry.add("spring.quartz.scheduler-name", () -> scheduler);
	}

}
