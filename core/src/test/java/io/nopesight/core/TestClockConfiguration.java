package io.nopesight.core;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a test context a {@link TestClock} as its clock, so tests can move time instead of waiting for it.
 * Primary, as the application's own clock may be there too. Imported by the test annotations and
 * deliberately no {@code @Configuration}: applications that tests start from the same class path (a second
 * node) scan this package and must keep their own clock.
 */
public class TestClockConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

}
