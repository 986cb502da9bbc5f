package io.nopesight.api;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.nopesight.core.TestDatabase;

/**
 * What every HTTP test context needs: a fresh schema and data folder, and the test admin token. The daily
 * retention schedules are off: the demo data is older than raw retention, and a fire at the wrong minute
 * would drop it from under a test.
 */
public final class ApiTestProperties {

	private ApiTestProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("nopesight.admin.token", () -> ApiClient.ADMIN_TOKEN);
		registry.add("nopesight.metrics.retention-cron", () -> "-");
		registry.add("nopesight.discovery.connection-retention-cron", () -> "-");
	}

}
