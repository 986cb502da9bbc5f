package io.nopesight.api;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.nopesight.core.TestDatabase;

/**
 * What every HTTP test context needs: a fresh schema and data folder, and the test admin token.
 */
public final class ApiTestProperties {

	private ApiTestProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("nopesight.admin.token", () -> ApiClient.ADMIN_TOKEN);
	}

}
