package io.nopesight.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the application found from the test's package ({@link CoreTestApplication} in core,
 * {@code BatchJobsTestApplication} in batch-jobs) on a real PostgreSQL: a fresh schema and data folder once
 * per context ({@link TestDatabase.Initializer}) and a {@link TestClock} as the application's clock. Every
 * class annotated with it alone shares one cached context, and so one schema: a test must use names, IPs and
 * search words no other class uses, look only at the rows it wrote, and leave the clock running
 * ({@link TestClock#unfreeze()}) when it is done. Replace a class's {@code @SpringBootTest} and
 * {@code @DynamicPropertySource} calling {@code TestDatabase.register} with this annotation. A class that
 * needs other settings adds {@code @TestPropertySource(properties = ..)} and gets a context (and schema) of
 * its own; classes declaring the same settings share theirs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(TestClockConfiguration.class)
public @interface CoreIntegrationTest {

}
