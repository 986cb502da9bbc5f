package io.nopesight.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.security.WebSliceSecurity;
import io.nopesight.core.TestClockConfiguration;
import io.nopesight.core.access.AccessTokens;
import io.nopesight.core.database.DatabaseAvailability;

/**
 * A web-layer slice test of the given controllers, with no database: MVC, the API's error format, its
 * request-id, body-size and deprecation filters, the scope checks, and the real bearer-token security with
 * the test admin token ({@link ApiClient#ADMIN_TOKEN}). Rate limiting, auditing and the database-outage
 * filter, which need the database, are left out. The test class mocks the core interfaces its controllers call ({@code @MockitoBean}); a
 * {@code MockMvcTester} sends the requests. For what needs PostgreSQL, keep at least one
 * {@link ApiIntegrationTest} of the same resource.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(properties = "nopesight.admin.token=" + ApiClient.ADMIN_TOKEN,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "io\\.nopesight\\.api\\.(ratelimit|audit)\\..*", "io\\.nopesight\\.api\\.web\\.DatabaseOutage" }))
@Import({ WebSliceSecurity.class, ApiErrorWriter.class, TestClockConfiguration.class })
@MockitoBean(types = { AccessTokens.class, DatabaseAvailability.class })
public @interface ApiWebTest {

	/**
	 * The controllers under test.
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
