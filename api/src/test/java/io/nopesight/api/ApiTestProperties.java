package io.nopesight.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.nopesight.core.TestDatabase;

/**
 * What every HTTP test context needs: a fresh schema and data folder, and the test admin token. The daily
 * retention schedules are off: the demo data is older than raw retention, and a fire at the wrong minute
 * would drop it from under a test. {@link Initializer} adds the schema, the data folder and the JWT keys
 * once per context for {@link ApiIntegrationTest}, which sets the rest; {@link #register} does it all from
 * a test class's own {@code @DynamicPropertySource}, which gives that class a context of its own.
 */
public final class ApiTestProperties {

	private ApiTestProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("nopesight.admin.token", () -> ApiClient.ADMIN_TOKEN);
		registry.add("nopesight.metrics.retention-cron", () -> "-");
		registry.add("nopesight.discovery.connection-retention-cron", () -> "-");
		registry.add("nopesight.webhook.allowed-hosts", () -> "127.0.0.1");
	}

	/**
	 * A fresh schema and data folder, and {@link JwtKeys}' keys, for each context as it starts.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.properties());
			properties.putAll(JwtKeys.properties());
			TestDatabase.Initializer.add(context, "nopesight-test-api", properties);
		}

	}

}
