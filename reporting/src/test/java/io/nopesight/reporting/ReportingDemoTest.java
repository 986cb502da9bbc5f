package io.nopesight.reporting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import io.nopesight.core.CoreIntegrationTest;

/**
 * An integration test of reporting on the demo estate: every class so annotated shares one context and one schema
 * with the demo loaded. Renders keep two pages in memory, so every render of more pages goes through the
 * virtualizer's swap file. A test that adds CIs uses names and environments of its own and no test counts the
 * whole estate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@CoreIntegrationTest
@TestPropertySource(properties = { "nopesight.demo=true", "nopesight.reports.rendering.virtualizer-pages=2" })
@interface ReportingDemoTest {

}
