package io.nopesight.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import io.nopesight.core.TestClock;
import io.nopesight.core.TestClockConfiguration;

/**
 * An HTTP test of the whole application on a random port (reach it with {@link ApiClient}) and a real
 * PostgreSQL: a fresh schema and data folder once per context, the test admin token
 * ({@link ApiClient#ADMIN_TOKEN}), {@link JwtKeys}' keys, the daily retention schedules off, one configured
 * deprecated route ({@code /v1/cmdb/relationships/**}), and a {@link TestClock} as the application's clock.
 * Every class annotated with it alone shares one cached context, and so one schema: a test must use names,
 * IPs and search words no other class uses, look only at the rows it wrote (filter by the ids, names or types
 * it created; counts taken before and after are fine, as classes run one at a time), and leave the clock
 * running ({@link TestClock#unfreeze()}) when it is done. Replace a class's
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @DynamicPropertySource} calling
 * {@link ApiTestProperties#register} with this annotation. A class that needs other settings adds
 * {@code @TestPropertySource(properties = ..)} and gets a context (and schema) of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nopesight.admin.token=" + ApiClient.ADMIN_TOKEN, "nopesight.metrics.retention-cron=-",
				"nopesight.discovery.connection-retention-cron=-",
				// webhook tests deliver to a receiver on loopback, which is otherwise refused
				"nopesight.webhook.allowed-hosts=127.0.0.1",
				// so that the deprecation headers are tested end to end without a context of their own
				"nopesight.api.deprecations[0].path=/v1/cmdb/relationships/**",
				"nopesight.api.deprecations[0].date=2025-01-01",
				"nopesight.api.deprecations[0].info=https://docs.nopesight.com/api/v2-migration",
				"nopesight.api.deprecations[0].sunset=2027-07-01" })
@ContextConfiguration(initializers = ApiTestProperties.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface ApiIntegrationTest {

}
