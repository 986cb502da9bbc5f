package io.nopesight.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at a fresh schema and a fresh data folder. {@link Initializer} does it once
 * per context, which is what {@link CoreIntegrationTest} uses; {@link #register} does it from a test class's
 * own {@code @DynamicPropertySource}, which gives that class a context of its own.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * The properties of a new schema and data folder.
	 */
	public static Map<String, Object> properties() {
		String url = PostgresForTests.freshSchemaUrl();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("nopesight.db.url", url);
		properties.put("nopesight.db.user", PostgresForTests.user());
		properties.put("nopesight.data-dir", PostgresForTests.freshDataDir().toString());
		// test contexts are cached and stay open; small pools keep them all under max_connections
		properties.put("nopesight.db.pool-size", "6");
		// Quartz keeps each scheduler's data source in a JVM-wide map by scheduler name: contexts sharing a name
		// in one JVM would run each other's schedules against each other's schema
		properties.put("spring.quartz.scheduler-name", "nopesight-"
				+ url.substring(url.indexOf("currentSchema=") + "currentSchema=".length()).split("&")[0]);
		return properties;
	}

	/**
	 * Adds {@link #properties()} to a context's environment as it starts. Properties a test class declares
	 * ({@code @SpringBootTest(properties = ..)}, {@code @TestPropertySource}) still win; the application's own
	 * configuration files do not.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			add(context, "nopesight-test-database", properties());
		}

		/**
		 * Adds test properties just below those the test class declares.
		 */
		public static void add(ConfigurableApplicationContext context, String name, Map<String, Object> properties) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			MapPropertySource source = new MapPropertySource(name, properties);
			String declared = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
			if (sources.contains(declared)) {
				sources.addAfter(declared, source);
			}
			else {
				sources.addFirst(source);
			}
		}

	}

}
